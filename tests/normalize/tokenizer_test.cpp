#include "stages/normalize/tokenizer.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stages/normalize/fingerprint_text.h"
#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string_view> views;
  tokenize(text, views);
  EXPECT_EQ(count_tokens(text), views.size());
  return {views.begin(), views.end()};
}

using Tokens = std::vector<std::string>;

TEST(Tokenizer, SplitsWordsOnSpaces) {
  EXPECT_EQ(tokens_of("hello world 0000"), (Tokens{"hello", "world", "0000"}));
  EXPECT_EQ(tokens_of("مرحبا بالعالم"), (Tokens{"مرحبا", "بالعالم"}));
  EXPECT_EQ(tokens_of("привет мир"), (Tokens{"привет", "мир"}));
  EXPECT_EQ(tokens_of("한국어 텍스트"), (Tokens{"한국어", "텍스트"}));
  EXPECT_EQ(tokens_of(""), Tokens{});
  EXPECT_EQ(tokens_of("  a  b "), (Tokens{"a", "b"}));
}

TEST(Tokenizer, OneTokenPerCharacterForScriptsWithoutSpaces) {
  EXPECT_EQ(tokens_of("日本語"), (Tokens{"日", "本", "語"}));
  EXPECT_EQ(tokens_of("カーテン"), (Tokens{"カ", "ー", "テ", "ン"}));
  EXPECT_EQ(tokens_of("ภาษาไทย"), (Tokens{"ภ", "า", "ษ", "า", "ไ", "ท", "ย"}));
  EXPECT_EQ(tokens_of("ok中文ok"), (Tokens{"ok", "中", "文", "ok"}));
  EXPECT_EQ(tokens_of("iphone手机 x"), (Tokens{"iphone", "手", "机", "x"}));
}

TEST(Tokenizer, SurvivesInvalidUtf8) {
  EXPECT_EQ(tokens_of("a\xE6\x97"), (Tokens{"a\xE6\x97"}));
  EXPECT_EQ(tokens_of("\xFF\xFF"), (Tokens{"\xFF\xFF"}));
}

TEST(Tokenizer, CountsFingerprintTokensOfMixedText) {
  const std::string fingerprint = fingerprint_text("Tokyo 東京 is 2 words + 2 kanji; مرحبا!");
  EXPECT_EQ(fingerprint, "tokyo 東京 is 0 words 0 kanji مرحبا");
  EXPECT_EQ(count_tokens(fingerprint), 9u);
}

// count_tokens() counts text without characters above U+07FF in one pass; tokenize() is its oracle.
TEST(Tokenizer, CountMatchesTokenizeOnEverySampleLine) {
  std::vector<std::string> texts;
  for (const testing::UdhrText& udhr : testing::udhr()) texts.push_back(udhr.text);
  for (const std::string& page : testing::ant_pages(0)) texts.push_back(page);
  std::vector<std::string_view> views;
  std::vector<std::string_view> reference;
  size_t lines = 0;
  for (const std::string& text : texts) {
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      const std::string fingerprint = fingerprint_text(std::string_view(text).substr(begin, end - begin));
      tokenize(fingerprint, views);
      ASSERT_EQ(count_tokens(fingerprint), views.size()) << fingerprint;
      tokenize_reference(fingerprint, reference);
      ASSERT_EQ(views, reference) << fingerprint;
      ++lines;
      begin = end + 1;
    }
  }
  EXPECT_GT(lines, 10000u);
  EXPECT_EQ(count_tokens("a"), 1u);
  EXPECT_EQ(count_tokens(" "), 0u);
  EXPECT_EQ(count_tokens("ab  cd "), 2u);
  EXPECT_EQ(count_tokens("مرحبا  بالعالم"), 2u);
}

// Random valid UTF-8 over spaces, ASCII, two-byte letters, CJK, Thai, kana marks and astral characters, mixed
// within words: the fast path must cut exactly where the character-by-character reference does.
TEST(Tokenizer, MatchesTheReferenceOnRandomMixedText) {
  const std::vector<std::string> pieces = {" ",      "  ",     "a",      "Z",          "0",          "\u00e9", "\u0627",
                                           "\u0434", "\u05d0", "\u65e5", "\u672c",     "\u0e20",     "\u0e32", "\u30fc",
                                           "\u30ab", "\uac00", "\u20ac", "\U0001f600", "\U00020000", "\u1780"};
  std::mt19937_64 next(0x9E3779B97F4A7C15ull);
  std::vector<std::string_view> fast;
  std::vector<std::string_view> reference;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t length = next() % 24;
    for (size_t i = 0; i < length; ++i) text += pieces[next() % pieces.size()];
    tokenize(text, fast);
    tokenize_reference(text, reference);
    ASSERT_EQ(fast, reference) << text;
    ASSERT_EQ(count_tokens(text), fast.size()) << text;
  }
}

}  // namespace
}  // namespace corpusflow
