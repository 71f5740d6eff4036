#include "engine/report/summary.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/stats_test_documents.h"

namespace corpusflow {
namespace {

TEST(Summary, ShowsEverySectionWithSeparatorsAndPercentages) {
  nlohmann::json stats = testing::sample_stats_json(3000);
  std::string text = render_summary(stats);
  for (const char* heading : {"Documents", "Bytes", "Rejects by reason", "Duplicates by kind", "Normalization",
                              "Length of kept documents", "Near-duplicate similarity", "Duplicate groups", "Languages",
                              "Scripts", "Hosts", "Months", "Run:", "Stages", "Input shards (3)"}) {
    EXPECT_NE(text.find(heading), std::string::npos) << heading;
  }
  EXPECT_NE(text.find("3,000"), std::string::npos);
  EXPECT_NE(text.find("100.0%"), std::string::npos);
  EXPECT_NE(text.find("أخبار.مصر"), std::string::npos);
  EXPECT_NE(text.find("2018-03"), std::string::npos);
  EXPECT_NE(text.find("normalize"), std::string::npos);
  EXPECT_NE(text.find("no page header"), std::string::npos);
}

TEST(Summary, KeptPlusDuplicatesPlusRejectedPercentagesMatchTheCounts) {
  nlohmann::json stats = testing::sample_stats_json(2000);
  std::string text = render_summary(stats);
  uint64_t kept = stats["documents"]["kept"].get<uint64_t>();
  std::string kept_line = "kept";
  size_t at = text.find("\n  kept ");
  ASSERT_NE(at, std::string::npos);
  std::string line = text.substr(at + 1, text.find('\n', at + 1) - at - 1);
  char expected[32];
  std::snprintf(expected, sizeof expected, "%.1f%%", 100.0 * static_cast<double>(kept) / 2000.0);
  EXPECT_NE(line.find(expected), std::string::npos) << line;
}

TEST(Summary, InputBytesAreUncompressedShardsAndAStageWithoutBytesHasNoMegabytesPerSecond) {
  nlohmann::json stats = testing::sample_stats_json(300);
  stats["stages"][0]["bytes"] = 0;
  std::string text = render_summary(stats);
  size_t read = text.find("\n  read ");
  ASSERT_NE(read, std::string::npos);
  std::string line = text.substr(read + 1, text.find('\n', read + 1) - read - 1);
  EXPECT_TRUE(line.ends_with("—")) << line;
  size_t input = text.find("input shards");
  ASSERT_NE(input, std::string::npos);
  EXPECT_NE(text.substr(input, text.find('\n', input) - input).find("15.3 MB"), std::string::npos);
}

TEST(Summary, RowLimitAndMissingSections) {
  nlohmann::json stats = testing::sample_stats_json(1000);
  std::string limited = render_summary(stats, 1);
  EXPECT_NE(limited.find("Languages (1 of 4)"), std::string::npos);
  EXPECT_NE(limited.find("2 more in stats.json"), std::string::npos);

  std::string minimal = render_summary(nlohmann::json::object());
  EXPECT_NE(minimal.find("Documents"), std::string::npos);
  EXPECT_EQ(minimal.find("Input shards"), std::string::npos);
}

}  // namespace
}  // namespace corpusflow
