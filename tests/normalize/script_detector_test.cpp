#include "stages/normalize/script_detector.h"

#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

// dominant_script() counted with ICU per code point: the oracle of its tables and register counts.
std::string reference_script(std::string_view text) {
  std::map<int, uint64_t> counts;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode error = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &error);
    if (U_FAILURE(error) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script < 0 || script >= 255) {
      continue;
    }
    ++counts[script];
  }
  int best = -1;
  for (const auto& [script, count] : counts) {
    if (best < 0 || count > counts[best]) best = script;
  }
  if (best < 0) return "Zyyy";
  const bool kana = counts.count(USCRIPT_HIRAGANA) + counts.count(USCRIPT_KATAKANA) > 0;
  if (kana && (best == USCRIPT_HAN || best == USCRIPT_HIRAGANA || best == USCRIPT_KATAKANA)) return "Jpan";
  return uscript_getShortName(static_cast<UScriptCode>(best));
}

TEST(ScriptDetector, MatchesReferenceOnSampleTexts) {
  for (const testing::UdhrText& udhr : testing::udhr()) {
    ASSERT_EQ(dominant_script(udhr.text), reference_script(udhr.text)) << udhr.language;
  }
  for (const std::string& page : testing::ant_pages(1)) {
    ASSERT_EQ(dominant_script(page), reference_script(page)) << page.substr(0, 100);
  }
}

TEST(ScriptDetector, CountsMixedAndInvalidText) {
  for (const char* text : {"", "123 ...", "abc мир мир", "مرحبا abcdef", "日本語 カナ", "a\xFF\xFE\xD8", "\xD8", "aб",
                           "бa", "ab\xCC\x81 \xF0\x9F\x98\x80 \xF0\x90\x8C\xB0\xF0\x90\x8C\xB1"}) {
    EXPECT_EQ(dominant_script(text), reference_script(text)) << text;
  }
  EXPECT_EQ(dominant_script("abc мир мир"), "Cyrl");
  EXPECT_EQ(dominant_script("123"), "Zyyy");
}

// Long random texts, so that 16-byte blocks meet every kind of byte at every offset (two-byte sequences cut
// by a block's end, three- and four-byte characters, invalid bytes) and the counts stay close between scripts.
TEST(ScriptDetector, MatchesReferenceOnLongRandomText) {
  const std::vector<std::string> pieces = {
      "word",   "A",      "z",      " ",      "@[`{",   "\u0627",     "\u0644", "\u064e", "\u0434",       "\u0416",
      "\u05d0", "\u00e9", "\u0300", "\u65e5", "\u30ab", "\U00010330", "\xC3",   "\xFF",   "\xD8\xA7\xD9", "7"};
  std::mt19937_64 next(0x2545F4914F6CDD1Dull);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t length = 1 + next() % 80;
    for (size_t i = 0; i < length; ++i) text += pieces[next() % pieces.size()];
    ASSERT_EQ(dominant_script(text), reference_script(text)) << text;
  }
}

}  // namespace
}  // namespace corpusflow
