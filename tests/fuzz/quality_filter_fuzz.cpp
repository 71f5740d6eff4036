// Fuzz target: the filter stage's text pass over arbitrary bytes, normalized first as in a run (first byte: bit 0
// marks every line of the page boilerplate of its host, bit 1 the language "ar", bit 2 "ja"). The spans cover the
// text exactly, every measured value is a finite non-negative number, a filtered page names a rule whose limit
// its value breaks, and a kept page's text is valid UTF-8 whose words, lines, chars and fingerprint text follow.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "stages/filter/quality_filter.h"
#include "stages/normalize/fingerprint_text.h"
#include "stages/normalize/normalizer.h"
#include "stages/normalize/tokenizer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  static const corpusflow::FilterConfig config = corpusflow::default_filter_config();
  static corpusflow::Normalizer normalizer;
  static corpusflow::QualityFilter filter(config);

  corpusflow::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  doc.host = "example.com";
  normalizer.normalize(doc);
  if (doc.rejected()) return 0;
  if ((control & 2) != 0) doc.language = "ar";
  if ((control & 4) != 0) doc.language = "ja";

  corpusflow::TextSpans spans;
  corpusflow::split_spans(doc.text, spans);
  uint32_t chars = 0;
  for (char c : doc.text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  FUZZ_CHECK(spans.chars == chars, "spans count other characters than the text has");
  for (const corpusflow::WordSpan& word : spans.words) {
    FUZZ_CHECK(word.begin < word.end && word.end <= doc.text.size() && word.chars > 0, "a word outside the text");
  }

  corpusflow::BoilerplateLines lines;
  if ((control & 1) != 0) {
    for (uint64_t key : doc.line_keys) {
      const uint64_t mixed = corpusflow::boilerplate_key(corpusflow::host_key(doc.host), key);
      lines.keys.push_back(mixed == 0 ? 1 : mixed);
    }
    std::sort(lines.keys.begin(), lines.keys.end());
  }
  const size_t before = doc.text.size();
  const bool had_fingerprint = doc.fingerprint_text_ready;
  filter.apply(doc, &lines);
  FUZZ_CHECK(doc.text.size() <= before, "filtering made the text longer");
  FUZZ_CHECK(corpusflow::is_valid_utf8(doc.text), "filtered text is not valid UTF-8");
  for (size_t i = 0; i < corpusflow::kFilterRuleCount; ++i) {
    const double value = filter.values()[i];
    FUZZ_CHECK(std::isnan(value) || (std::isfinite(value) && value >= 0), "a measured value is negative or infinite");
  }
  if (doc.filtered()) {
    const auto rule = corpusflow::rule_named(doc.filter_rule);
    FUZZ_CHECK(rule.has_value(), "a filtered page names no rule");
    FUZZ_CHECK(corpusflow::breaks(*rule, doc.filter_value, doc.filter_limit), "the rule's limit is not broken");
    return 0;
  }
  FUZZ_CHECK(!doc.text.empty(), "a kept page has no text");
  const std::string fingerprint = corpusflow::fingerprint_text(doc.text);
  if (had_fingerprint) FUZZ_CHECK(doc.fingerprint_text == fingerprint, "the fingerprint text is stale");
  FUZZ_CHECK(doc.words == corpusflow::count_tokens(fingerprint), "words do not follow the text");
  uint32_t kept_chars = 0;
  for (char c : doc.text) kept_chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  FUZZ_CHECK(doc.chars == kept_chars, "chars do not follow the text");
  return 0;
}
