#include "stages/normalize/text_cleaner.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "normalize/nfc_check.h"
#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

struct Cleaned {
  std::string text;
  CleanCounts counts;
};

Cleaned clean(std::string_view text, CleanOptions options = {}) {
  Cleaned result;
  clean_text(text, options, result.text, result.counts);
  return result;
}

const std::string kFffd = "\uFFFD";

TEST(TextCleaner, RepairsEachMaximalInvalidSubsequence) {
  // Unicode 15, table 3-8: U+FFFD for each maximal subpart of an ill-formed sequence.
  const Cleaned table = clean("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64");
  EXPECT_EQ(table.text, "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
  EXPECT_EQ(table.counts.utf8_repairs, 6u);
  EXPECT_EQ(table.counts.first_invalid_offset, 1u);

  struct Case {
    const char* name;
    std::string input;
    int replacements;
  };
  const Case cases[] = {
      {"overlong 2-byte slash", "x\xC0\xAFy", 2},
      {"overlong C1", "x\xC1\x81y", 2},
      {"overlong 3-byte", "x\xE0\x80\xAFy", 3},
      {"overlong 4-byte", "x\xF0\x80\x80\xAFy", 4},
      {"high surrogate", "x\xED\xA0\x80y", 3},
      {"low surrogate", "x\xED\xBF\xBFy", 3},
      {"above U+10FFFF", "x\xF4\x90\x80\x80y", 4},
      {"F5 lead", "x\xF5\x80\x80\x80y", 4},
      {"truncated 2-byte", "x\xC3y", 1},
      {"truncated 3-byte", "x\xE2\x82y", 1},
      {"truncated 4-byte", "x\xF0\x9F\x98y", 1},
      {"truncated at end", "x\xF0\x9F\x98", 1},
      {"lone continuation", "x\x80y", 1},
      {"FF", "x\xFFy", 1},
      {"FE", "x\xFEy", 1},
  };
  for (const Case& c : cases) {
    const Cleaned cleaned = clean(c.input);
    std::string expected = "x";
    for (int k = 0; k < c.replacements; ++k) expected += kFffd;
    if (c.input.back() == 'y') expected += "y";
    EXPECT_EQ(cleaned.text, expected) << c.name;
    EXPECT_EQ(cleaned.counts.utf8_repairs, static_cast<uint32_t>(c.replacements)) << c.name;
    EXPECT_EQ(cleaned.counts.first_invalid_offset, 1u) << c.name;
  }
  // The largest valid sequences of each length stay as they are.
  EXPECT_EQ(clean("\u007F\u07FF\uFFFD\U0010FFFF").text, "\u07FF\uFFFD\U0010FFFF");
}

TEST(TextCleaner, LineEndingsControlsAndZeroWidthJunk) {
  EXPECT_EQ(clean("a\r\nb\rc\nd").text, "a\nb\nc\nd");
  EXPECT_EQ(clean("a\u2028b\u2029c\u0085d").text, "a\nb\nc\nd");
  const Cleaned controls =
      clean(std::string("\xEF\xBB\xBF"
                        "a\0b\x01\x1B[0m\x7F"
                        "c\u0080\u009F",
                        17));
  EXPECT_EQ(controls.text, "ab[0mc");
  EXPECT_EQ(controls.counts.controls_removed, 7u);
  EXPECT_EQ(clean("zero\u200bwidth\u2060joiner\u00adsoft\ufeffbom").text, "zerowidthjoinersoftbom");
  EXPECT_EQ(clean("می\u200cخواهم \u200d").text, "می\u200cخواهم \u200d");  // ZWNJ and ZWJ kept
  EXPECT_EQ(clean("\u200fRTL mark\u200e").text, "\u200fRTL mark\u200e");
  EXPECT_EQ(clean("tab\tkept").text, "tab\tkept");
}

TEST(TextCleaner, WhitespaceAndBlankLines) {
  EXPECT_EQ(clean("  a   b  \t \n\n\n\n  c\u00a0\u3000\n \n\t\n").text, "a b\n\nc");
  EXPECT_EQ(clean("\n\n\nfirst\nsecond\n").text, "first\nsecond");
  EXPECT_EQ(clean("a\u00a0b").text, "a\u00a0b");  // inside a line, no-break space is kept as written
  EXPECT_EQ(clean(" \t\n \u3000 \r\n").text, "");
  EXPECT_EQ(clean("a\nb", {.remove_tatweel = true, .single_line = true}).text, "a b");
  EXPECT_EQ(clean(" a \r\n\r\n b ", {.remove_tatweel = true, .single_line = true}).text, "a b");
}

TEST(TextCleaner, NfcButNothingElseFolded) {
  EXPECT_EQ(clean("Cafe\u0301").text, "Caf\u00e9");
  EXPECT_EQ(clean("\u1100\u1161").text, "\uac00");
  // Compatibility characters outside the Arabic presentation forms stay as written.
  EXPECT_EQ(clean("ﬁ ２０２４。「」 ①").text, "ﬁ ２０２４。「」 ①");
  // Arabic: harakat, alef variants and Arabic-Indic digits stay; harakat get canonical order.
  EXPECT_EQ(clean("أَحْمَدُ إلى آخر ٱلكتاب ٢٠٢٤").text, "أَحْمَدُ إلى آخر ٱلكتاب ٢٠٢٤");
  EXPECT_EQ(clean("\u0628\u0651\u064e").text, "\u0628\u064e\u0651");  // shadda (33) after fatha (30)
}

TEST(TextCleaner, ArabicPresentationFormsAndTatweel) {
  EXPECT_EQ(clean("\ufefb\ufe8e\ufe91").text, "\u0644\u0627\u0627\u0628");  // ﻻ ﺎ ﺑ
  EXPECT_EQ(clean("\ufdf2").text, "\u0627\u0644\u0644\u0647");              // ﷲ
  EXPECT_EQ(clean("\ufefc").text, "\u0644\u0627");
  EXPECT_EQ(clean("\ufef5").text, "\u0644\u0622");  // lam with alef madda recomposes under NFC
  const Cleaned tatweel = clean("كـــتـــاب");
  EXPECT_EQ(tatweel.text, "كتاب");
  EXPECT_EQ(tatweel.counts.tatweel_removed, 6u);
  EXPECT_EQ(clean("كـــتاب", {.remove_tatweel = false, .single_line = false}).text, "كـــتاب");
  EXPECT_EQ(clean("x \ufe70").text, "x \u064b");  // isolated fathatan: space + mark, spaces collapsed
}

TEST(TextCleaner, IsIdempotent) {
  const std::string inputs[] = {
      "  a\r\n\r\n\r\nb\u200b c  ",  "\ufe70\ufe70 x \ufe71",   "e\u0301\u0327 \u1100\u1161\u11a8",
      "x\xF0\x9F\x98 y\xFF\n\n\xC0", "كـــتـــاب \ufefb\u064e", "\t\ta\t\t\n\t\n",
  };
  for (const std::string& input : inputs) {
    const std::string once = clean(input).text;
    EXPECT_EQ(clean(once).text, once) << input;
  }
}

using unicode_oracle::is_nfc;

// ICU's NFC pass is skipped when the quick check over the code points written says NFC; removed characters,
// spaces and line breaks between marks and letters must not fool it. ICU is the oracle.
TEST(TextCleaner, OutputIsNfcAroundRemovedCharactersAndSpaces) {
  const std::vector<std::string> pieces = {
      "a",      "e",      "\u0627", "\u0628", "\u0653", "\u0654", "\u0655", "\u064e", "\u0650", "\u0651", "\u0301",
      "\u0327", "\u0316", "\u0640", "\u00a0", "\u2000", "\u2001", "\u2002", "\u3000", "\u200b", "\u00ad", "\u0085",
      "\u2028", "\ufeff", "\u0001", "\x7f",   " ",      "\n",     "\t",     "\xFF",   "\u1100", "\u1161", "\u11a8",
      "\u0915", "\u093c", "\u09c7", "\u09be", "\u3099", "\u304b", "\ufef5", "\u0041"};
  std::mt19937 random(11);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int length = 1 + round % 8;
    for (int k = 0; k < length; ++k) text += pieces[pick(random)];
    for (const CleanOptions options : {CleanOptions{}, CleanOptions{.remove_tatweel = false, .single_line = true}}) {
      const std::string out = clean(text, options).text;
      ASSERT_TRUE(is_nfc(out)) << "input: " << text;
    }
  }
  EXPECT_EQ(clean("\u0627\u0640\u0653").text, "\u0622");                    // tatweel gone, alef + madda compose
  EXPECT_EQ(clean("\u0627\u0651\u0640\u064e").text, "\u0627\u064e\u0651");  // marks reordered
  EXPECT_EQ(clean("a\u2001\u0301").text, "a\u2003\u0301");
}

void expect_same_as_scalar(std::string_view text, const CleanOptions& options) {
  Cleaned fast;
  Cleaned scalar;
  clean_text(text, options, fast.text, fast.counts);
  clean_text_scalar(text, options, scalar.text, scalar.counts);
  ASSERT_EQ(fast.text, scalar.text) << "input: " << text;
  ASSERT_EQ(fast.counts.utf8_repairs, scalar.counts.utf8_repairs) << "input: " << text;
  ASSERT_EQ(fast.counts.invalid_bytes, scalar.counts.invalid_bytes) << "input: " << text;
  ASSERT_EQ(fast.counts.first_invalid_offset, scalar.counts.first_invalid_offset) << "input: " << text;
  ASSERT_EQ(fast.counts.controls_removed, scalar.counts.controls_removed) << "input: " << text;
  ASSERT_EQ(fast.counts.tatweel_removed, scalar.counts.tatweel_removed) << "input: " << text;
}

constexpr CleanOptions kTitleOptions{.remove_tatweel = false, .single_line = true};

TEST(TextCleaner, BlocksMatchTheScalarTwinOnSampleTexts) {
  for (const testing::UdhrText& udhr : testing::udhr()) {
    expect_same_as_scalar(udhr.text, {});
    expect_same_as_scalar(udhr.title, kTitleOptions);
  }
  for (const std::string& page : testing::ant_pages(2)) expect_same_as_scalar(page, {});
}

// Long random texts, so that 16-byte blocks meet every kind of byte at every offset: spaces single and double,
// at line starts and ends, two-byte characters simple or not (marks, C1 controls, NBSP, soft hyphen, tatweel),
// sequences cut by the block's end, three- and four-byte characters and invalid bytes.
TEST(TextCleaner, BlocksMatchTheScalarTwinOnRandomText) {
  const std::vector<std::string> pieces = {
      "word",   "a",      "Z",      "~",          " ",      "  ",     "\n",           "\n\n",   "\t",
      "\r\n",   "\x7f",   "\x01",   "\u0627",     "\u0644", "\u0645", "\u064e",       "\u0651", "\u0640",
      "\u00e9", "\u0301", "\u00a0", "\u00ad",     "\u0085", "\u0434", "\u05d0",       "\u0374", "\u0653",
      "\u07ff", "\u0800", "\u65e5", "\U0001F600", "\xC3",   "\xFF",   "\xD8\xA7\xD9", "\ufef5", "\u2003",
      "\u200b"};
  const std::vector<std::string> common = {"word",   "a",      "Z",      " ",      "\u0627",
                                           "\u0644", "\u0645", "\u0434", "\u00e9", "~"};
  std::mt19937 random(23);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> pick_common(0, common.size() - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int length = 4 + round % 60;
    // Mostly words, letters and single spaces, as real text is, so that many blocks pass.
    for (int k = 0; k < length; ++k) text += percent(random) < 80 ? common[pick_common(random)] : pieces[pick(random)];
    expect_same_as_scalar(text, {});
    expect_same_as_scalar(text, kTitleOptions);
  }
}

// Texts made of a few random lines repeated in any order, as scraped pages repeat their body: a line seen
// before is written again from the output, and must come out as cleaning it again would (controls, tatweel,
// presentation forms, marks, invalid bytes, CR and NEL inside lines, leading and trailing spaces).
TEST(TextCleaner, RepeatedLinesMatchTheScalarTwin) {
  const std::vector<std::string> pieces = {"word",   "\u0627\u0644\u0645",
                                           " ",      "  ",
                                           "\t",     "\u064e",
                                           "\u0640", "\ufef5",
                                           "\u00a0", "\x01",
                                           "\u200b", "\xFF",
                                           "\r",     "\u0085",
                                           "\u2028", "\u0301",
                                           "e",      "\u0434\u0430",
                                           "\u65e5", "\U0001F600",
                                           "\xC3",   "\u0653",
                                           "."};
  std::mt19937 random(31);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> lines(1 + round % 5);
    for (std::string& line : lines) {
      const int length = 5 + percent(random) % 40;
      for (int k = 0; k < length; ++k)
        line += percent(random) < 70 ? pieces[percent(random) % 3] : pieces[pick(random)];
    }
    std::string text;
    const int count = 2 + round % 12;
    for (int k = 0; k < count; ++k) {
      text += lines[static_cast<size_t>(percent(random)) % lines.size()];
      text += percent(random) < 10 ? "\n\n" : percent(random) < 5 ? "\r\n" : "\n";
    }
    if (percent(random) < 50) text.pop_back();
    expect_same_as_scalar(text, {});
    expect_same_as_scalar(text, CleanOptions{.remove_tatweel = false, .single_line = false});
    expect_same_as_scalar(text, kTitleOptions);
  }
}

}  // namespace
}  // namespace corpusflow
