// The progress bar fits every terminal width, the percent waits for finish(), and the log line says it all.
#include "engine/graph/progress_line.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace corpusflow {
namespace {

constexpr uint64_t kTotal = 1'000'000'000;

ProgressSnapshot halfway() {
  return ProgressSnapshot{.documents = 1'234'567,
                          .kept = 1'000'000,
                          .duplicates = 200'000,
                          .rejected = 34'567,
                          .input_bytes = 4'000'000'000,
                          .compressed_done = kTotal / 2};
}

TEST(ProgressBar, NeverReachesTheLastColumnOfAnyWidth) {
  const ProgressSnapshot largest{
      .documents = 18'446'744'073'709'551'615ull, .input_bytes = 18'446'744'073'709'551'615ull, .compressed_done = 1};
  for (int width = 20; width <= 200; ++width) {
    for (bool done : {false, true}) {
      for (const ProgressSnapshot& snapshot : {ProgressSnapshot{}, halfway(), largest}) {
        const std::string line = progress_bar_line(snapshot, 1e7, kTotal, done, width);
        EXPECT_LE(line.size(), static_cast<size_t>(width - 1)) << "width " << width << ": " << line;
        EXPECT_EQ(line.find('\n'), std::string::npos);
      }
    }
  }
}

TEST(ProgressBar, WideTerminalShowsBarPercentDocumentsRateAndEta) {
  const std::string line = progress_bar_line(halfway(), 100.0, kTotal, false, 120);
  EXPECT_THAT(line, ::testing::MatchesRegex(R"( 50\.0% \[#+-+\]  1234567 docs  40\.0 MB/s  ETA 1m40s)"));
}

TEST(ProgressBar, BarShrinksBeforeAnyNumberIsDropped) {
  const std::string wide = progress_bar_line(halfway(), 100.0, kTotal, false, 120);
  const std::string narrow = progress_bar_line(halfway(), 100.0, kTotal, false, 70);
  EXPECT_LT(narrow.size(), wide.size());
  EXPECT_NE(narrow.find('['), std::string::npos) << narrow;
  EXPECT_NE(narrow.find("MB/s"), std::string::npos) << narrow;
  EXPECT_NE(narrow.find("ETA"), std::string::npos) << narrow;
}

TEST(ProgressBar, NarrowTerminalDropsTheBarThenTheRateThenTheEta) {
  const std::string at40 = progress_bar_line(halfway(), 100.0, kTotal, false, 40);
  EXPECT_EQ(at40, " 50.0%  1234567 docs  ETA 1m40s");
  const std::string at30 = progress_bar_line(halfway(), 100.0, kTotal, false, 30);
  EXPECT_EQ(at30, " 50.0%  1234567 docs");
  const std::string at20 = progress_bar_line(halfway(), 100.0, kTotal, false, 20);
  EXPECT_EQ(at20, " 50.0%");
}

TEST(ProgressFigures, PercentStaysBelowHundredUntilFinishSaysDone) {
  ProgressSnapshot everything_written = halfway();
  everything_written.compressed_done = kTotal;
  EXPECT_LT(progress_figures(everything_written, 10.0, kTotal, false).percent, 100.0);
  EXPECT_EQ(progress_figures(everything_written, 10.0, kTotal, true).percent, 100.0);
  const std::string line = progress_bar_line(everything_written, 10.0, kTotal, false, 80);
  EXPECT_EQ(line.rfind(" 99.9%", 0), 0u) << line;
  EXPECT_EQ(progress_bar_line(everything_written, 10.0, kTotal, true, 80).rfind("100.0%", 0), 0u);
}

TEST(ProgressFigures, EmptyInputIsAtZeroUntilDone) {
  EXPECT_EQ(progress_figures({}, 1.0, 0, false).percent, 0.0);
  EXPECT_EQ(progress_figures({}, 1.0, 0, true).percent, 100.0);
}

TEST(ProgressFigures, EtaIsUnknownAtTheStart) {
  EXPECT_FALSE(progress_figures({}, 0.0, kTotal, false).eta_seconds.has_value());
  EXPECT_FALSE(progress_figures({}, 5.0, kTotal, false).eta_seconds.has_value());
  const std::string line = progress_bar_line({}, 5.0, kTotal, false, 80);
  EXPECT_NE(line.find("ETA --"), std::string::npos) << line;
  EXPECT_EQ(line.rfind("  0.0%", 0), 0u) << line;
}

TEST(ProgressFigures, EtaAndRateFollowTheWrittenShare) {
  const ProgressFigures figures = progress_figures(halfway(), 100.0, kTotal, false);
  ASSERT_TRUE(figures.eta_seconds.has_value());
  EXPECT_DOUBLE_EQ(*figures.eta_seconds, 100.0);
  EXPECT_DOUBLE_EQ(figures.mb_per_s, 40.0);
}

TEST(FormatDuration, SecondsMinutesHoursAndUnknown) {
  EXPECT_EQ(format_duration(std::nullopt), "--");
  EXPECT_EQ(format_duration(0.4), "0s");
  EXPECT_EQ(format_duration(59.4), "59s");
  EXPECT_EQ(format_duration(187.0), "3m07s");
  EXPECT_EQ(format_duration(3720.0), "1h02m");
}

TEST(ProgressLog, LineHasUtcTimestampPercentCountsRateAndEta) {
  const auto at = std::chrono::system_clock::time_point(std::chrono::seconds(1'764'594'000));  // 2025-12-01 13:00
  EXPECT_EQ(progress_log_line(halfway(), 100.0, kTotal, false, at),
            "progress: 2025-12-01T13:00:00Z   50.0%  1234567 documents: 1000000 kept, 200000 duplicates, 34567 "
            "rejected  40.0 MB/s  ETA 1m40s");
}

TEST(ProgressLog, StartSaysEtaUnknownAndFinalLineSaysElapsed) {
  const auto at = std::chrono::system_clock::time_point(std::chrono::seconds(0));
  EXPECT_EQ(progress_log_line({}, 0.0, kTotal, false, at),
            "progress: 1970-01-01T00:00:00Z    0.0%  0 documents: 0 kept, 0 duplicates, 0 rejected  0.0 MB/s  ETA --");
  const std::string final_line = progress_log_line(halfway(), 100.0, kTotal, true, at);
  EXPECT_NE(final_line.find("100.0%"), std::string::npos) << final_line;
  EXPECT_TRUE(final_line.ends_with("  elapsed 1m40s")) << final_line;
}

}  // namespace
}  // namespace corpusflow
