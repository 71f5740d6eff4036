#include "stages/normalize/fingerprint_text.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

TEST(FingerprintText, FoldsCaseDigitsPunctuationAndSpaces) {
  EXPECT_EQ(fingerprint_text("  Hello,   WORLD!! 2024 "), "hello world 0000");
  EXPECT_EQ(fingerprint_text("Straße"), "strasse");
  EXPECT_EQ(fingerprint_text("Café — naïve"), "cafe naive");
  EXPECT_EQ(fingerprint_text("ﬁle ２０２４"), "file 0000");
  EXPECT_EQ(fingerprint_text("line\none\ttwo\r\n"), "line one two");
  EXPECT_EQ(fingerprint_text(""), "");
  EXPECT_EQ(fingerprint_text(" ... !!! "), "");
}

TEST(FingerprintText, CollapsesAndTrimsSpaces) {
  EXPECT_EQ(fingerprint_text(""), "");
  EXPECT_EQ(fingerprint_text(" "), "");
  EXPECT_EQ(fingerprint_text("  ,, ;; "), "");
  EXPECT_EQ(fingerprint_text("a"), "a");
  EXPECT_EQ(fingerprint_text("!a!"), "a");
  EXPECT_EQ(fingerprint_text("  a  ,  b\t\tc  "), "a b c");
  EXPECT_EQ(fingerprint_text("a\xFF\xFF b"), "a b");
}

TEST(FingerprintText, FoldsArabicVariantsMarksAndDigits) {
  EXPECT_EQ(fingerprint_text("أحمد إلى آخر ٱلكتاب"), fingerprint_text("احمد الي اخر الكتاب"));
  EXPECT_EQ(fingerprint_text("مدرسة"), "مدرسه");
  EXPECT_EQ(fingerprint_text("مُحَمَّدٌ"), "محمد");
  EXPECT_EQ(fingerprint_text("كـــتـــاب"), "كتاب");
  EXPECT_EQ(fingerprint_text("عام ٢٠٢٤ و۱۳۹۹"), "عام 0000 و0000");
  EXPECT_EQ(fingerprint_text("ﻻ"), "لا");  // presentation form lam-alef
  EXPECT_EQ(fingerprint_text("قال: «نعم»، ثم؟"), "قال نعم ثم");
}

TEST(FingerprintText, DropsFormatCharacters) {
  EXPECT_EQ(fingerprint_text("می\u200cخواهم"), "میخواهم");
  EXPECT_EQ(fingerprint_text("a\u200bb\u00adc"), "abc");
}

TEST(FingerprintText, KeepsHangulAndKanaComposed) {
  EXPECT_EQ(fingerprint_text("한국어 텍스트"), "한국어 텍스트");
  EXPECT_EQ(fingerprint_text("日本語、テキスト。"), "日本語 テキスト");
  EXPECT_EQ(fingerprint_text("ｶﾀｶﾅ"), "カタカナ");
}

TEST(FingerprintText, InvalidUtf8BecomesSpace) {
  EXPECT_EQ(fingerprint_text("ab\xFF"
                             "cd\xC0\xAF"
                             "e"),
            "ab cd e");
  EXPECT_EQ(fingerprint_text(std::string("a\0b", 3)), "a b");
}

TEST(FingerprintText, IsIdempotentAndMatchesReferenceOnEveryUdhrLanguage) {
  std::string fast;
  std::string reference;
  std::string again;
  for (const testing::UdhrText& text : testing::udhr()) {
    fingerprint_text(text.text, fast);
    fingerprint_text_reference(text.text, reference);
    ASSERT_EQ(fast, reference) << text.language;
    fingerprint_text(fast, again);
    ASSERT_EQ(again, fast) << text.language;
  }
}

TEST(FingerprintText, MatchesReferenceOnRandomMixedText) {
  // Pieces chosen to meet at awkward boundaries: combining marks after fast and slow characters, Hangul
  // jamo, format characters between letters that compose, surrogates' neighbours and invalid bytes.
  const std::vector<std::string> pieces = {"a",
                                           "E",
                                           "\u0301",
                                           "\u0327",
                                           " ",
                                           "\u200c",
                                           "\u200d",
                                           "\u00ad",
                                           "\u1100",
                                           "\u1161",
                                           "\u11a8",
                                           "\uac00",
                                           "\u0915",
                                           "\u093c",
                                           "\u093f",
                                           "\u09c7",
                                           "\u09be",
                                           "\u0b47",
                                           "\u0b3e",
                                           "\u3099",
                                           "\u304b",
                                           "\u30ab",
                                           "\uff76",
                                           "\uff9e",
                                           "\u0627",
                                           "\u0654",
                                           "\u0640",
                                           "\u064b",
                                           "\ufefb",
                                           "\ufe70",
                                           "\u0130",
                                           "\u03a3",
                                           "\u1e9e",
                                           "\U0001F600",
                                           "\U0001D400",
                                           "\xF0\x9F",
                                           "\xED\xA0\x80",
                                           "\xC1\x81",
                                           "9",
                                           "\u0669",
                                           "!",
                                           "\u3002",
                                           "\u0f71",
                                           "\u0f72",
                                           "\u0f80",
                                           "\u1026",
                                           "\u102e",
                                           "\u0e01",
                                           "\u0e31",
                                           "\u2126",
                                           "\u212b"};
  std::mt19937 random(42);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string text;
  std::string fast;
  std::string reference;
  for (int round = 0; round < 3000; ++round) {
    text.clear();
    const int length = 1 + round % 12;
    for (int k = 0; k < length; ++k) text += pieces[pick(random)];
    fingerprint_text(text, fast);
    fingerprint_text_reference(text, reference);
    ASSERT_EQ(fast, reference) << "input: " << text;
    std::string again;
    fingerprint_text(fast, again);
    ASSERT_EQ(again, fast) << "input: " << text;
  }
}

TEST(FingerprintText, MatchesReferenceAroundSpaces) {
  // Spaces are collapsed while writing unless a slow run or a result holding a space (U+2474 "(1)", U+00BD
  // "1/2") meets them: pieces that put every kind of space next to every kind of character.
  const std::vector<std::string> pieces = {" ",      "  ",     ",",          "!",        "\t",     "\u00a0", "\u00a8",
                                           "\u2474", "\u00bd", "\u0301",     "\u0627",   "\u064b", "\u0640", "\u1100",
                                           "\u1161", "\uac00", "\xFF",       "\xC1\x81", "a",      "Z",      "9",
                                           "\u0669", "\u3002", "\U0001F600", "\u200d",   "\ufefb", "\u00df", "\u0149",
                                           "\u0130", "\u01c4", "\u0344",     "\u0629",   "\u05d0"};
  std::mt19937 random(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string text;
  std::string fast;
  std::string reference;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int length = 1 + round % 10;
    for (int k = 0; k < length; ++k) text += pieces[pick(random)];
    fingerprint_text(text, fast);
    fingerprint_text_reference(text, reference);
    ASSERT_EQ(fast, reference) << "input: " << text;
  }
}

TEST(FingerprintText, ArabicFingerprintIgnoresDiacriticsAndVariants) {
  const std::string& arabic = testing::udhr_language("ar").text;
  std::string stripped;
  // The same text written with alef variants unified and harakat removed by hand.
  for (size_t i = 0; i < arabic.size();) {
    const auto b0 = static_cast<unsigned char>(arabic[i]);
    const size_t length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    const std::string ch = arabic.substr(i, length);
    i += length;
    if (ch >= "\u064b" && ch <= "\u0652") continue;
    if (ch == "\u0623" || ch == "\u0625" || ch == "\u0622") {
      stripped += "\u0627";
      continue;
    }
    stripped += ch;
  }
  ASSERT_NE(stripped, arabic);
  EXPECT_EQ(fingerprint_text(stripped), fingerprint_text(arabic));
}

}  // namespace
}  // namespace corpusflow
