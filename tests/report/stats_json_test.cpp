#include "engine/report/stats_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"
#include "tests/support/stats_test_documents.h"

namespace corpusflow {
namespace {

RunMetrics run_for(const std::string& shard, uint64_t documents, double wall) {
  RunMetrics run;
  run.wall_seconds = wall;
  run.threads = 2;
  run.peak_rss_bytes = 200'000'000;
  run.stages = {{"read", wall / 4, documents, documents * 3000}, {"normalize", wall / 2, documents, documents * 3000}};
  run.shards = {{shard, documents * 1000, documents * 3000, documents, 0, 0, 0, 0}};
  run.outputs = {{"data", 1, documents, documents * 2000, documents * 500}};
  return run;
}

TEST(StatsJson, AddsRunSectionsAndDerivedRates) {
  auto documents = testing::make_documents(1000);
  StatsAccumulator stats;
  for (const auto& doc : documents) stats.add(doc);
  nlohmann::json json = make_stats_json(stats, run_for("ant-00000.tar.zst", 1000, 2.0));
  EXPECT_EQ(json["documents"]["in"], 1000);
  EXPECT_EQ(json["bytes"]["in_compressed"], 1'000'000);
  EXPECT_EQ(json["bytes"]["out_compressed"], 500'000);
  EXPECT_EQ(json["bytes"]["in_uncompressed"], 3'000'000);
  EXPECT_DOUBLE_EQ(json["run"]["documents_per_second"].get<double>(), 500.0);
  EXPECT_DOUBLE_EQ(json["run"]["mb_per_second"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(json["stages"][0]["documents_per_second"].get<double>(), 2000.0);
  EXPECT_DOUBLE_EQ(json["stages"][1]["mb_per_second"].get<double>(), 3.0);
  EXPECT_NEAR(json["stages"][0]["busy_percent"].get<double>(), 100.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(json["outputs"]["data"]["compression_ratio"].get<double>(), 4.0);
  EXPECT_TRUE(json["dedup"].is_object());
}

// MB/s is of what the inputs decompress to (tar framing and all), not of the records' bytes.
TEST(StatsJson, ThroughputIsUncompressedInputBytesPerWallSecond) {
  StatsAccumulator stats;
  for (const auto& doc : testing::make_documents(400)) stats.add(doc);
  RunMetrics run = run_for("a.tar.zst", 200, 4.0);
  run.shards.push_back({"b.jsonl", 9'000'000, 9'000'000, 200, 0, 0, 0, 0});
  nlohmann::json json = make_stats_json(stats, run);
  ASSERT_NE(json["bytes"]["in"], 9'600'000);
  EXPECT_EQ(json["bytes"]["in_uncompressed"], 9'600'000);
  EXPECT_DOUBLE_EQ(json["run"]["mb_per_second"].get<double>(), 2.4);
  EXPECT_DOUBLE_EQ(json["run"]["documents_per_second"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(merge_stats_json({json})["run"]["mb_per_second"].get<double>(), 2.4);
}

TEST(StatsJson, MergingTheStatsOfTwoHalvesGivesTheNumbersOfOneRun) {
  auto documents = testing::make_documents(3000, 11);
  StatsAccumulator whole, left, right;
  for (size_t i = 0; i < documents.size(); ++i) {
    whole.add(documents[i]);
    (i < 1700 ? left : right).add(documents[i]);
  }
  RunMetrics left_run = run_for("a.tar.zst", 1700, 3.0);
  RunMetrics right_run = run_for("b.tar.zst", 1300, 2.0);
  nlohmann::json merged = merge_stats_json({make_stats_json(left, left_run), make_stats_json(right, right_run)});
  nlohmann::json expected = make_stats_json(whole, merge_run_metrics({left_run, right_run}));
  // Group samples survive only where the parts listed the group; everything else is equal.
  for (auto* json : {&merged, &expected}) (*json)["duplicate_groups"].erase("largest");
  EXPECT_EQ(merged, expected);
  EXPECT_EQ(merged["run"]["parts"], 2);
  EXPECT_EQ(merged["shards"].size(), 2u);
  EXPECT_EQ(merged["documents"]["in"], 3000);
}

TEST(StatsJson, MergeOfOnePartIsTheSameDocument) {
  auto documents = testing::make_documents(500);
  StatsAccumulator stats;
  for (const auto& doc : documents) stats.add(doc);
  nlohmann::json json = make_stats_json(stats, run_for("a", 500, 1.0));
  EXPECT_EQ(merge_stats_json({json}), json);
}

TEST(StatsJson, MergeRejectsNothingAndBrokenParts) {
  EXPECT_THROW(merge_stats_json({}), StatsFormatError);
  StatsAccumulator stats;
  nlohmann::json json = make_stats_json(stats, RunMetrics{});
  nlohmann::json broken = json;
  broken.erase("run");
  EXPECT_THROW(merge_stats_json({json, broken}), StatsFormatError);
  EXPECT_THROW(merge_stats_json({nlohmann::json("text")}), StatsFormatError);
}

}  // namespace
}  // namespace corpusflow
