#include "stages/normalize/language_detector.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stages/normalize/normalizer.h"
#include "tests/support/sample_data.h"

namespace corpusflow {
namespace {

constexpr LanguageSampling kWindows{};
constexpr size_t kWholeSample = LanguageSampling{}.sample_bytes;

// What the normalizer hands CLD2: the cleaned text with repetition removed.
std::string normalized_text(std::string title, std::string text) {
  Document doc;
  doc.title = std::move(title);
  doc.text = std::move(text);
  Normalizer normalizer(NormalizeOptions{.detect_language = false});
  normalizer.normalize(doc);
  return doc.rejected() ? std::string() : doc.text;
}

// CLD2's code for a udhr label: its first subtag.
bool right_for(const std::string& language, const std::string& label) {
  return language == label || language == label.substr(0, label.find('-'));
}

TEST(LanguageDetector, WindowsKeepEveryUdhrLanguageTheWholeSampleGetsRight) {
  int right = 0;
  int changed = 0;
  for (const testing::UdhrText& udhr : testing::udhr()) {
    const std::string text = normalized_text(udhr.title, udhr.text);
    const LanguageGuess whole = detect_language(text, kWholeSample);
    const LanguageGuess windows = detect_language(text, kWindows);
    changed += windows.language != whole.language;
    if (!right_for(whole.language, udhr.language)) continue;
    ++right;
    EXPECT_EQ(windows.language, whole.language) << udhr.language;
  }
  EXPECT_GT(right, 100);   // the measurement means something: CLD2 knows a fifth of the udhr languages
  EXPECT_LE(changed, 10);  // the rest: languages CLD2 does not know, where a window may guess differently
}

TEST(LanguageDetector, WindowsKeepTheLanguageOfAntPages) {
  int pages = 0;
  int changed = 0;
  for (int shard = 0; shard < 3; ++shard) {
    for (const std::string& page : testing::ant_pages(shard)) {
      const size_t title_begin = page.find('\n') + 1;
      const size_t title_end = page.find('\n', title_begin);
      const std::string text =
          normalized_text(page.substr(title_begin, title_end - title_begin), page.substr(title_end + 1));
      if (text.empty()) continue;
      ++pages;
      const LanguageGuess windows = detect_language(text, kWindows);
      changed += windows.language != detect_language(text, kWholeSample).language;
      EXPECT_EQ(windows.language, "ar");
    }
  }
  EXPECT_GT(pages, 2900);
  EXPECT_LE(changed * 1000, pages);  // >= 99.9% unchanged
}

TEST(LanguageDetector, ShortTextIsReadWhole) {
  const std::string text = "The committee met on Tuesday and agreed to publish the report before the end of the month.";
  ASSERT_LE(text.size(), 2 * kWindows.window_bytes);
  const LanguageGuess windows = detect_language(text, kWindows);
  const LanguageGuess whole = detect_language(text, kWholeSample);
  EXPECT_EQ(windows.language, "en");
  EXPECT_EQ(windows.language, whole.language);
  EXPECT_EQ(windows.score, whole.score);
}

TEST(LanguageDetector, WindowsThatDisagreeFallBackToTheWholeSample) {
  // Start and middle of the sample in two languages: the answer must be the whole sample's.
  std::string text;
  while (text.size() < 1024) text += "The weather was fine and the children played in the garden all afternoon. ";
  const size_t english = text.size();
  while (text.size() < 2 * english)
    text += "Le temps était beau et les enfants ont joué dans le jardin tout l'après-midi. ";
  const LanguageSampling sampling{.sample_bytes = 2 * english, .window_bytes = 192};
  const LanguageGuess windows = detect_language(text, sampling);
  const LanguageGuess whole = detect_language(text, sampling.sample_bytes);
  EXPECT_EQ(windows.language, whole.language);
  EXPECT_EQ(windows.score, whole.score);
  EXPECT_LT(whole.score, 0.9f);  // the whole sample saw both languages
}

TEST(LanguageDetector, AgreeingWindowsScoreTheirMean) {
  std::string text;
  while (text.size() < 2048) text += "Die Kinder spielten den ganzen Nachmittag im Garten, weil das Wetter schön war. ";
  const LanguageGuess windows = detect_language(text, kWindows);
  EXPECT_EQ(windows.language, "de");
  EXPECT_GT(windows.score, 0.9f);
}

TEST(LanguageDetector, NoWindowsIsTheWholeSample) {
  const std::string text = normalized_text("", testing::udhr_language("ru").text);
  const LanguageGuess whole = detect_language(text, kWholeSample);
  const LanguageGuess unwindowed =
      detect_language(text, LanguageSampling{.sample_bytes = kWholeSample, .window_bytes = 0});
  EXPECT_EQ(unwindowed.language, "ru");
  EXPECT_EQ(unwindowed.language, whole.language);
  EXPECT_EQ(unwindowed.score, whole.score);
}

TEST(LanguageDetector, WindowsCutAtCharacters) {
  // Three-byte characters put the window ends and the middle inside a character: still valid input to CLD2.
  std::string text;
  while (text.size() < 3000) text += "日本語の文章を書きました。今日は天気が良いです。";
  const LanguageGuess windows = detect_language(text, LanguageSampling{.sample_bytes = 2047, .window_bytes = 191});
  EXPECT_EQ(windows.language, "ja");
}

}  // namespace
}  // namespace corpusflow
