// Fuzz target: the whole Normalizer on a Document. First byte: bit 0 remove_tatweel, bit 1 repair_repetition,
// bit 2 detect_language, bit 3 keep_fingerprint_text, bits 4-5 min_repeated_line_chars, bits 6-7
// language_sampling (sample, window); the rest is `title NUL text` (no NUL: all text, no title). Rejects only as empty
// or not_utf8; a kept document has a clean title and text (text_cleaner.h), is unchanged by a second Normalizer
// (without language detection), and its fingerprint text is fingerprint_text(text).
#include <array>
#include <string>
#include <string_view>

#include "core/document.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/normalizer.h"
#include "stages/normalize/tokenizer.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/text_checks.h"

namespace corpusflow::fuzz_normalizer {

NormalizeOptions options_from(uint8_t control) {
  static constexpr std::array<size_t, 4> kMinRepeatedLineChars = {40, 1, 8, 0};
  static constexpr std::array<LanguageSampling, 4> kLanguageSamplings = {{{2048, 192}, {0, 0}, {7, 3}, {300, 100}}};
  NormalizeOptions options;
  options.remove_tatweel = (control & 1) != 0;
  options.repair_repetition = (control & 2) != 0;
  options.detect_language = (control & 4) != 0;
  options.keep_fingerprint_text = (control & 8) != 0;
  options.min_repeated_line_chars = kMinRepeatedLineChars[(control >> 4) & 3];
  options.language_sampling = kLanguageSamplings[(control >> 6) & 3];
  return options;
}

uint32_t code_points(std::string_view text) {
  uint32_t count = 0;
  for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return count;
}

uint32_t non_empty_lines(std::string_view text) {
  uint32_t count = 0;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    count += end > begin;
    begin = end + 1;
  }
  return count;
}

}  // namespace corpusflow::fuzz_normalizer

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corpusflow;
  if (size == 0) return 0;
  const NormalizeOptions options = fuzz_normalizer::options_from(data[0]);
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  Document doc;
  const size_t split = input.find('\0');
  if (split == std::string_view::npos) {
    doc.text = input;
  } else {
    doc.title = input.substr(0, split);
    doc.text = input.substr(split + 1);
  }
  const std::string original_text = doc.text;

  Normalizer normalizer(options);
  normalizer.normalize(doc);
  if (doc.rejected()) {
    FUZZ_CHECK(doc.reject_reason == RejectReason::empty || doc.reject_reason == RejectReason::not_utf8,
               std::string(to_string(doc.reject_reason)).c_str());
    FUZZ_CHECK(!doc.reject_detail.empty(), "a reject without detail");
    FUZZ_CHECK(!doc.fingerprint_text_ready, "a rejected document with fingerprint text");
    if (doc.reject_reason == RejectReason::empty) {
      CleanCounts counts;
      std::string cleaned;
      clean_text(original_text, CleanOptions{.remove_tatweel = options.remove_tatweel}, cleaned, counts);
      FUZZ_CHECK(cleaned.empty() || options.repair_repetition, "empty reject of a text that cleans to something");
    }
    return 0;
  }
  FUZZ_CHECK(doc.reject_reason == RejectReason::none, "a kept document with a reject reason");
  FUZZ_CHECK(!doc.text.empty(), "a kept document without text");
  fuzz::check_cleaned(doc.text, CleanOptions{.remove_tatweel = options.remove_tatweel, .single_line = false});
  fuzz::check_cleaned(doc.title, CleanOptions{.remove_tatweel = options.remove_tatweel, .single_line = true});

  const std::string fingerprint = fingerprint_text(doc.text);
  FUZZ_CHECK(doc.fingerprint_text_ready == options.keep_fingerprint_text, "fingerprint_text_ready is wrong");
  if (doc.fingerprint_text_ready) {
    FUZZ_CHECK(doc.fingerprint_text == fingerprint, "normalize's fingerprint text != fingerprint_text(text)");
  } else {
    FUZZ_CHECK(doc.fingerprint_text.empty(), "fingerprint text left without fingerprint_text_ready");
  }
  FUZZ_CHECK(doc.words == count_tokens(fingerprint), "words != tokens of the fingerprint text");
  FUZZ_CHECK(doc.chars == fuzz_normalizer::code_points(doc.text), "chars != code points of the text");
  FUZZ_CHECK(doc.lines == fuzz_normalizer::non_empty_lines(doc.text), "lines != non-empty lines of the text");
  FUZZ_CHECK(doc.script.size() == 4, doc.script.c_str());
  FUZZ_CHECK(!doc.language.empty(), "empty language");
  FUZZ_CHECK(doc.language_score >= 0.0f && doc.language_score <= 1.0f, "language score out of 0..1");
  if (!options.detect_language) FUZZ_CHECK(doc.language == "und" && doc.language_score == 0.0f, "language set");

  NormalizeOptions second_options = options;
  second_options.detect_language = false;
  Normalizer second(second_options);
  Document again;
  again.title = doc.title;
  again.text = doc.text;
  second.normalize(again);
  FUZZ_CHECK(!again.rejected(), "a normalized document is rejected when normalized again");
  FUZZ_CHECK(again.text == doc.text, "normalize is not idempotent on the text");
  FUZZ_CHECK(again.title == doc.title, "normalize is not idempotent on the title");
  FUZZ_CHECK(again.words == doc.words && again.chars == doc.chars && again.lines == doc.lines,
             "counts differ on the second pass");
  FUZZ_CHECK(again.script == doc.script, "script differs on the second pass");
  FUZZ_CHECK(again.normalize.utf8_repairs == 0 && again.normalize.controls_removed == 0 &&
                 again.normalize.tatweel_removed == 0 && again.normalize.lines_removed == 0,
             "the second pass repaired something");
  return 0;
}
