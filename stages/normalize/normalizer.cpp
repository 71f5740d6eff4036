#include "stages/normalize/normalizer.h"

#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/scratch_buffer.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/script_detector.h"
#include "stages/normalize/tokenizer.h"

namespace corpusflow {
namespace {

uint32_t count_code_points(std::string_view text) {
  uint32_t count = 0;
  for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return count;
}

uint64_t count_replacement_characters(std::string_view text) {
  uint64_t count = 0;
  for (size_t at = text.find("\xEF\xBF\xBD"); at != std::string_view::npos; at = text.find("\xEF\xBF\xBD", at + 3)) {
    ++count;
  }
  return count;
}

// Key of a fingerprint text; never 0, which marks a blank line.
uint64_t line_key(std::string_view fingerprint) {
  const uint64_t key = XXH3_64bits(fingerprint.data(), fingerprint.size());
  return key == 0 ? 1 : key;
}

void add_counts(const CleanCounts& counts, NormalizeCounts& total) {
  total.utf8_repairs += counts.utf8_repairs;
  total.controls_removed += counts.controls_removed;
  total.tatweel_removed += counts.tatweel_removed;
}

}  // namespace

Normalizer::Normalizer(NormalizeOptions options) : options_(options) {}

void Normalizer::normalize(Document& doc) {
  normalize_document(doc);
  trim_scratch(cleaned_);
  trim_scratch(fingerprint_);
  trim_scratch(lines_);
  trim_scratch(line_fingerprints_);
  trim_scratch(line_fingerprint_ends_);
  repetition_scratch_.trim();
  earlier_lines_.trim();
}

void Normalizer::normalize_document(Document& doc) {
  doc.fingerprint_text.clear();
  doc.fingerprint_text_ready = false;
  if (doc.rejected()) return;
  const CleanOptions text_options{.remove_tatweel = options_.remove_tatweel, .single_line = false};
  const CleanOptions title_options{.remove_tatweel = options_.remove_tatweel, .single_line = true};

  // One rule for every format: a JSON line is repaired at parse (its U+FFFD stand for invalid input, 3 bytes
  // each), a page here; either way a text that is mostly invalid input or controls is binary, not text.
  const uint64_t repaired_at_parse = doc.normalize.utf8_repairs > 0 ? count_replacement_characters(doc.text) : 0;
  CleanCounts counts;
  clean_text(doc.text, text_options, cleaned_, counts);
  const uint64_t input_bytes = doc.text.size();
  const uint64_t invalid_bytes = counts.invalid_bytes + 3 * repaired_at_parse;
  if (input_bytes > 0 && static_cast<double>(invalid_bytes + counts.controls_removed) >
                             options_.max_invalid_fraction * static_cast<double>(input_bytes)) {
    std::string detail = std::to_string(counts.invalid_bytes) + " invalid UTF-8 bytes";
    if (repaired_at_parse > 0) detail += ", " + std::to_string(repaired_at_parse) + " U+FFFD for invalid input";
    detail += " and " + std::to_string(counts.controls_removed) + " control characters in " +
              std::to_string(input_bytes) + " bytes of text";
    if (counts.utf8_repairs > 0) {
      detail += " (first invalid byte at offset " + std::to_string(counts.first_invalid_offset) + ")";
    }
    doc.reject(RejectReason::not_utf8, std::move(detail));
    return;
  }
  add_counts(counts, doc.normalize);
  doc.text.swap(cleaned_);
  trim_scratch(cleaned_);  // the raw text of an outsized page is not needed past this point

  CleanCounts title_counts;
  clean_text(doc.title, title_options, cleaned_, title_counts);
  add_counts(title_counts, doc.normalize);
  doc.title.assign(cleaned_);  // a copy into the title's own buffer: cleaned_ keeps the large one for the next page

  // Lines with the keys and token counts of their fingerprint text.
  lines_.clear();
  line_fingerprints_.clear();
  // The fingerprint text is about as long as the text: room made once, not by doublings (the buffer left here
  // by the last document is the empty one the document handed over).
  line_fingerprints_.reserve(doc.text.size());
  line_fingerprint_ends_.clear();
  const std::string& text = doc.text;
  for (size_t begin = 0; begin <= text.size() && !text.empty();) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    TextLine line;
    line.begin = static_cast<uint32_t>(begin);
    line.end = static_cast<uint32_t>(end);
    line.blank = end == begin;
    lines_.push_back(line);
    begin = end + 1;
  }
  // A line with the bytes of an earlier one has its fingerprint: copied, not computed again.
  earlier_lines_.reset(text, lines_.size());
  for (size_t i = 0; i < lines_.size(); ++i) {
    TextLine& line = lines_[i];
    if (!line.blank) {
      const uint32_t earlier = earlier_lines_.find_or_add(line.begin, line.end, static_cast<uint32_t>(i));
      if (earlier != EarlierLineIndex::kNone) {
        const TextLine& same = lines_[earlier];
        line.key = same.key;
        line.fingerprint_chars = same.fingerprint_chars;
        line.tokens = same.tokens;
        const uint32_t from = earlier == 0 ? 0 : line_fingerprint_ends_[earlier - 1];
        line_fingerprints_.append(line_fingerprints_, from, line_fingerprint_ends_[earlier] - from);
      } else {
        fingerprint_text(std::string_view(text).substr(line.begin, line.end - line.begin), fingerprint_);
        line.key = line_key(fingerprint_);
        line.fingerprint_chars = count_code_points(fingerprint_);
        line.tokens = static_cast<uint32_t>(count_tokens(fingerprint_));
        line_fingerprints_.append(fingerprint_);
        if (!fingerprint_.empty()) line_fingerprints_.push_back(' ');  // the separator of the joined text
      }
    }
    line_fingerprint_ends_.push_back(static_cast<uint32_t>(line_fingerprints_.size()));
  }

  if (options_.repair_repetition && !lines_.empty()) {
    uint64_t title_key = 0;
    uint32_t title_chars = 0;
    if (!doc.title.empty()) {
      fingerprint_text(doc.title, fingerprint_);
      title_key = line_key(fingerprint_);
      title_chars = count_code_points(fingerprint_);
    }
    const RepetitionOptions repetition{.min_repeated_line_chars = options_.min_repeated_line_chars};
    const size_t removed = remove_repetition(lines_, title_key, title_chars, repetition, repetition_scratch_);
    if (removed > 0) {
      cleaned_.clear();
      cleaned_.reserve(text.size());
      bool blank_since_kept = false;
      for (const TextLine& line : lines_) {
        if (line.blank) {
          blank_since_kept = true;
          continue;
        }
        if (line.removed) continue;
        if (!cleaned_.empty()) cleaned_.append(blank_since_kept ? "\n\n" : "\n");
        cleaned_.append(text, line.begin, line.end - line.begin);
        blank_since_kept = false;
      }
      doc.normalize.lines_removed += static_cast<uint32_t>(removed);
      doc.normalize.bytes_removed += text.size() - cleaned_.size();
      doc.text.swap(cleaned_);
    }
  }

  if (doc.text.empty()) {
    doc.reject(RejectReason::empty, "no text left after normalization");
    return;
  }

  // Line breaks fold to spaces and cannot join or split a character sequence, so the text's fingerprint text
  // is its lines' joined by one space (tests/normalize/normalizer_test.cpp checks this on real pages).
  // Each line's fingerprint is stored with its separating space, so the kept ones are moved together in place
  // (never to the right) and the buffer becomes the document's: no second copy of an outsized fingerprint.
  uint32_t words = 0;
  uint32_t line_count = 0;
  size_t joined = 0;
  char* fingerprints = line_fingerprints_.data();
  doc.line_keys.clear();
  for (size_t i = 0; i < lines_.size(); ++i) {
    const TextLine& line = lines_[i];
    if (line.blank || line.removed) continue;
    words += line.tokens;
    ++line_count;
    doc.line_keys.push_back(line.fingerprint_chars == 0 ? 0 : line.key);
    const uint32_t begin = i == 0 ? 0 : line_fingerprint_ends_[i - 1];
    const uint32_t end = line_fingerprint_ends_[i];
    if (!options_.keep_fingerprint_text || begin == end) continue;
    if (joined != begin) std::memmove(fingerprints + joined, fingerprints + begin, end - begin);
    joined += end - begin;
  }
  if (options_.keep_fingerprint_text) {
    line_fingerprints_.resize(joined > 0 ? joined - 1 : 0);  // without the last separator
    doc.fingerprint_text.swap(line_fingerprints_);
  }
  doc.fingerprint_text_ready = options_.keep_fingerprint_text;
  doc.words = words;
  doc.lines = line_count;
  doc.chars = count_code_points(doc.text);
  doc.script = dominant_script(doc.text);
  if (options_.detect_language) {
    const LanguageGuess guess = detect_language(doc.text, options_.language_sampling, doc.language_hint);
    doc.language = guess.language;
    doc.language_score = guess.score;
  }
}

}  // namespace corpusflow
