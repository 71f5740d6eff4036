#include "stages/filter/gopher_signals.h"

#include <unicode/uchar.h>
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>

namespace corpusflow {
namespace {

uint64_t hash_bytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

// The hash of a word sequence from the hash of its first words and the next word's; order matters.
uint64_t extend(uint64_t gram, uint64_t word) { return (std::rotl(gram, 23) * 0x9E3779B97F4A7C15ull) ^ word; }

double ratio(double part, double whole) { return whole == 0 ? 0.0 : part / whole; }

bool starts_with_bullet(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return false;
  const char32_t c = decode_code_point(line, i);
  // A bullet stands alone before the item: "- item", "• item"; "**" or "--" open other things.
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return false;
  switch (c) {
    case '-':
    case '*':
    case '+':
    case 0x00B7:
    case 0x2013:
    case 0x2014:
    case 0x2022:
    case 0x2023:
    case 0x2043:
    case 0x2219:
    case 0x25A0:
    case 0x25A1:
    case 0x25AA:
    case 0x25AB:
    case 0x25B6:
    case 0x25BA:
    case 0x25C0:
    case 0x25CB:
    case 0x25CF:
    case 0x25E6:
    case 0x2605:
    case 0x2713:
    case 0x2714:
    case 0x27A2:
    case 0x2756: return true;
    default: return false;
  }
}

size_t count_ellipses(std::string_view text) {
  size_t count = 0;
  const size_t size = text.size();
  for (size_t i = 0; i + 2 < size; ++i) {
    const char c = text[i];
    if ((c == '.' && text[i + 1] == '.' && text[i + 2] == '.') ||
        (c == '\xE2' && text[i + 1] == '\x80' && text[i + 2] == '\xA6')) {
      ++count;
      i += 2;
    }
  }
  return count;
}

}  // namespace

StopWords::StopWords(const std::vector<std::string>& words) {
  std::string scratch;
  for (const std::string& word : words) {
    hashes_.push_back(lower_hash(word, scratch));
    longest_bytes_ = std::max(longest_bytes_, 3 * word.size());
  }
  std::sort(hashes_.begin(), hashes_.end());
}

bool StopWords::contains(uint64_t lower_hash) const {
  return std::binary_search(hashes_.begin(), hashes_.end(), lower_hash);
}

uint64_t StopWords::lower_hash(std::string_view word, std::string& scratch) {
  scratch.clear();
  for (size_t i = 0; i < word.size();) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte < 0x80) {
      scratch.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32) : static_cast<char>(byte));
      ++i;
      continue;
    }
    const size_t begin = i;
    const char32_t c = decode_code_point(word, i);
    const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if (lower == c) {
      scratch.append(word, begin, i - begin);
    } else {
      char encoded[4];
      int length = 0;
      if (lower < 0x800) {
        encoded[length++] = static_cast<char>(0xC0 | (lower >> 6));
      } else if (lower < 0x10000) {
        encoded[length++] = static_cast<char>(0xE0 | (lower >> 12));
        encoded[length++] = static_cast<char>(0x80 | ((lower >> 6) & 0x3F));
      } else {
        encoded[length++] = static_cast<char>(0xF0 | (lower >> 18));
        encoded[length++] = static_cast<char>(0x80 | ((lower >> 12) & 0x3F));
        encoded[length++] = static_cast<char>(0x80 | ((lower >> 6) & 0x3F));
      }
      encoded[length++] = static_cast<char>(0x80 | (lower & 0x3F));
      scratch.append(encoded, static_cast<size_t>(length));
    }
  }
  return hash_bytes(scratch);
}

void GopherMeter::measure(std::string_view text, const TextSpans& spans, const StopWords& stop_words,
                          RuleValues& values) {
  word_hashes_.clear();
  word_chars_.clear();
  uint64_t letter_words = 0;
  uint64_t word_chars = 0;
  for (const WordSpan& word : spans.words) {
    if (word.has_letter) ++letter_words;
    if (word.only_symbols) continue;
    word_hashes_.push_back(hash_bytes(text.substr(word.begin, word.end - word.begin)));
    word_chars_.push_back(word.chars);
    word_chars += word.chars;
  }
  const auto words = static_cast<double>(word_hashes_.size());
  measure_repetition(text, spans, values);
  measure_ngrams(spans.chars, values);

  uint64_t lines = 0;
  uint64_t bullet_lines = 0;
  uint64_t ellipsis_lines = 0;
  for (const LineSpan& line : spans.lines) {
    if (line.blank) continue;
    ++lines;
    const std::string_view bytes = text.substr(line.begin, line.end - line.begin);
    if (starts_with_bullet(bytes)) ++bullet_lines;
    if (ends_with_ellipsis(bytes)) ++ellipsis_lines;
  }
  set_value(values, FilterRule::gopher_min_words, words);
  set_value(values, FilterRule::gopher_max_words, words);
  const double mean_length = ratio(static_cast<double>(word_chars), words);
  set_value(values, FilterRule::gopher_min_mean_word_length, mean_length);
  set_value(values, FilterRule::gopher_max_mean_word_length, mean_length);
  const auto hashes = static_cast<double>(std::count(text.begin(), text.end(), '#'));
  const auto ellipses = static_cast<double>(count_ellipses(text));
  set_value(values, FilterRule::gopher_hash_ratio, words == 0 ? hashes : hashes / words);
  set_value(values, FilterRule::gopher_ellipsis_ratio, words == 0 ? ellipses : ellipses / words);
  set_value(values, FilterRule::gopher_bullet_lines,
            ratio(static_cast<double>(bullet_lines), static_cast<double>(lines)));
  set_value(values, FilterRule::gopher_ellipsis_lines,
            ratio(static_cast<double>(ellipsis_lines), static_cast<double>(lines)));
  set_value(values, FilterRule::gopher_alpha_words,
            ratio(static_cast<double>(letter_words), static_cast<double>(spans.words.size())));

  if (stop_words.empty()) {
    set_value(values, FilterRule::gopher_stop_words, std::nan(""));
    return;
  }
  // A word without capitals is its own lower case, so its hash is looked up as it is.
  seen_.clear();
  size_t counted = 0;
  for (const WordSpan& word : spans.words) {
    if (word.only_symbols) continue;
    uint64_t hash = word_hashes_[counted++];
    if (word.end - word.begin > stop_words.longest_bytes()) continue;
    if (word.has_upper) hash = StopWords::lower_hash(text.substr(word.begin, word.end - word.begin), lower_);
    if (stop_words.contains(hash) && std::find(seen_.begin(), seen_.end(), hash) == seen_.end()) {
      seen_.push_back(hash);
    }
  }
  set_value(values, FilterRule::gopher_stop_words, static_cast<double>(seen_.size()));
}

void GopherMeter::measure_repetition(std::string_view text, const TextSpans& spans, RuleValues& values) {
  const auto chars = static_cast<double>(spans.chars);
  counter_.reset(spans.lines.size());
  uint64_t lines = 0;
  uint64_t dup_lines = 0;
  uint64_t dup_line_chars = 0;
  for (const LineSpan& line : spans.lines) {
    if (line.blank) continue;
    ++lines;
    if (counter_.add(hash_bytes(text.substr(line.begin, line.end - line.begin))) > 1) {
      ++dup_lines;
      dup_line_chars += line.chars;
    }
  }
  counter_.reset(spans.lines.size());
  uint64_t paragraphs = 0;
  uint64_t dup_paragraphs = 0;
  uint64_t dup_paragraph_chars = 0;
  for (size_t i = 0; i < spans.lines.size();) {
    if (spans.lines[i].blank) {
      ++i;
      continue;
    }
    const size_t first = i;
    uint64_t paragraph_chars = 0;
    while (i < spans.lines.size() && !spans.lines[i].blank) paragraph_chars += spans.lines[i++].chars + 1;
    const uint32_t begin = spans.lines[first].begin;
    const uint32_t end = spans.lines[i - 1].end;
    ++paragraphs;
    if (counter_.add(hash_bytes(text.substr(begin, end - begin))) > 1) {
      ++dup_paragraphs;
      dup_paragraph_chars += paragraph_chars - 1;
    }
  }
  set_value(values, FilterRule::gopher_dup_line_fraction,
            ratio(static_cast<double>(dup_lines), static_cast<double>(lines)));
  set_value(values, FilterRule::gopher_dup_paragraph_fraction,
            ratio(static_cast<double>(dup_paragraphs), static_cast<double>(paragraphs)));
  set_value(values, FilterRule::gopher_dup_line_chars, ratio(static_cast<double>(dup_line_chars), chars));
  set_value(values, FilterRule::gopher_dup_paragraph_chars, ratio(static_cast<double>(dup_paragraph_chars), chars));
}

void GopherMeter::measure_ngrams(double text_chars, RuleValues& values) {
  const size_t words = word_hashes_.size();
  for (size_t n = 2; n <= 10; ++n) {
    set_value(values,
              n <= 4 ? rule_at(rule_index(FilterRule::gopher_top_2gram) + n - 2)
                     : rule_at(rule_index(FilterRule::gopher_dup_5gram) + n - 5),
              0.0);
  }
  if (words < 2) return;
  // An n-gram can occur twice only where each of its 2-grams does: run_[i] counts the repeated 2-grams from i
  // on, and only positions with run_[i] >= n - 1 are hashed and counted for n >= 3. Skipping the others changes
  // nothing: an n-gram that occurs once is never met again.
  const size_t pairs = words - 1;
  gram_hashes_.resize(pairs);
  counter_.reset(pairs);
  uint32_t top_count = 0;
  uint32_t top_chars = 0;
  for (size_t i = 0; i < pairs; ++i) {
    gram_hashes_[i] = extend(word_hashes_[i], word_hashes_[i + 1]);
    const uint32_t count = counter_.add(gram_hashes_[i]);
    const uint32_t chars = word_chars_[i] + word_chars_[i + 1];
    if (count > top_count || (count == top_count && chars > top_chars)) {
      top_count = count;
      top_chars = chars;
    }
  }
  auto top_share = [&](size_t n, uint32_t count, uint32_t chars) {
    // An n-gram seen once repeats nothing: a short text is not repetitive for holding few n-grams.
    return count < 2 ? 0.0 : ratio(static_cast<double>(chars + n - 1) * count, text_chars);
  };
  set_value(values, FilterRule::gopher_top_2gram, top_share(2, top_count, top_chars));
  if (top_count < 2) return;  // no 2-gram repeats, so no longer n-gram does

  run_.assign(pairs + 1, 0);
  for (size_t i = pairs; i-- > 0;) run_[i] = counter_.count_of(gram_hashes_[i]) > 1 ? run_[i + 1] + 1 : 0;
  chars_before_.resize(words + 1);
  chars_before_[0] = 0;
  for (size_t i = 0; i < words; ++i) chars_before_[i + 1] = chars_before_[i] + word_chars_[i];
  auto gram_hash = [&](size_t i, size_t n) {
    uint64_t hash = gram_hashes_[i];
    for (size_t k = 2; k < n; ++k) hash = extend(hash, word_hashes_[i + k]);
    return hash;
  };
  auto gram_chars = [&](size_t i, size_t n) { return static_cast<uint32_t>(chars_before_[i + n] - chars_before_[i]); };

  for (size_t n = 3; n <= 10 && n <= words; ++n) {
    const size_t grams = words - n + 1;
    counter_.reset(grams);
    if (n <= 4) {
      // The most frequent n-gram (the longest of equally frequent ones), its characters with the spaces between,
      // times its count.
      top_count = top_chars = 0;
      for (size_t i = 0; i < grams; ++i) {
        if (run_[i] < n - 1) continue;
        const uint32_t count = counter_.add(gram_hash(i, n));
        const uint32_t chars = gram_chars(i, n);
        if (count > top_count || (count == top_count && chars > top_chars)) {
          top_count = count;
          top_chars = chars;
        }
      }
      set_value(values, rule_at(rule_index(FilterRule::gopher_top_2gram) + n - 2), top_share(n, top_count, top_chars));
      continue;
    }
    // Greedy from the left: an n-gram seen before counts its characters and the next n words are skipped.
    uint64_t repeated_chars = 0;
    for (size_t i = 0; i < grams;) {
      if (run_[i] >= n - 1 && counter_.add(gram_hash(i, n)) > 1) {
        repeated_chars += gram_chars(i, n);
        i += n;
      } else {
        ++i;
      }
    }
    set_value(values, rule_at(rule_index(FilterRule::gopher_dup_5gram) + n - 5),
              ratio(static_cast<double>(repeated_chars), text_chars));
  }
}

}  // namespace corpusflow
