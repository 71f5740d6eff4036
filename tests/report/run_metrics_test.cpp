#include "engine/report/run_metrics.h"

#include <gtest/gtest.h>

#include "stages/stats/stats_error.h"

namespace corpusflow {
namespace {

RunMetrics sample_run(const std::string& shard, double wall) {
  RunMetrics run;
  run.wall_seconds = wall;
  run.threads = 2;
  run.peak_rss_bytes = 300'000'000;
  run.stages = {{"read", 1.5, 1000, 5'000'000}, {"normalize", 4.0, 1000, 5'000'000}};
  run.shards = {{shard, 1'000'000, 5'000'000, 1000, 900, 80, 20, 3}};
  run.outputs = {{"data", 1, 900, 4'000'000, 800'000}, {"rejects", 1, 20, 2000, 500}};
  run.dedup.decided = 1000;
  run.dedup.kept_in_index = 900;
  run.dedup.index_bytes = 450'000;
  return run;
}

TEST(RunMetrics, JsonRoundTrip) {
  RunMetrics run = sample_run("ant-00000.tar.zst", 10);
  nlohmann::json json = run_metrics_to_json(run);
  EXPECT_EQ(json["run"]["threads"], 2);
  EXPECT_EQ(json["outputs"]["data"]["records"], 900);
  EXPECT_EQ(json["shards"][0]["skipped_members"], 3);
  RunMetrics back = run_metrics_from_json(json);
  EXPECT_EQ(run_metrics_to_json(back), json);
}

TEST(RunMetrics, MergeAddsCounts) {
  RunMetrics a = sample_run("a.tar.zst", 10);
  RunMetrics b = sample_run("b.tar.zst", 12);
  b.peak_rss_bytes = 400'000'000;
  b.threads = 4;
  b.stages.push_back({"write", 0.25, 1000, 800'000});
  b.dedup.kept_in_index = 1100;
  b.dedup.index_bytes = 880'000;
  RunMetrics merged = merge_run_metrics({a, b});
  EXPECT_DOUBLE_EQ(merged.wall_seconds, 22);
  EXPECT_EQ(merged.threads, 4);
  EXPECT_EQ(merged.peak_rss_bytes, 400'000'000u);
  EXPECT_EQ(merged.parts, 2);
  ASSERT_EQ(merged.stages.size(), 3u);
  EXPECT_EQ(merged.stages[0].name, "read");
  EXPECT_DOUBLE_EQ(merged.stages[1].busy_seconds, 8.0);
  EXPECT_EQ(merged.stages[1].documents, 2000u);
  EXPECT_EQ(merged.stages[2].name, "write");
  ASSERT_EQ(merged.shards.size(), 2u);
  EXPECT_EQ(merged.shards[1].path, "b.tar.zst");
  ASSERT_EQ(merged.outputs.size(), 2u);
  EXPECT_EQ(merged.outputs[0].records, 1800u);
  EXPECT_EQ(merged.dedup.decided, 2000u);
  EXPECT_EQ(merged.dedup.kept_in_index, 2000u);
  EXPECT_EQ(merged.dedup.index_bytes, 1'330'000u);
}

// Two runs of 500 and 800 bytes per kept document: the merged ratio is that of the sums (665), not their sum.
TEST(RunMetrics, MergedIndexBytesPerKeptDocumentIsTheRatioOfTheSums) {
  RunMetrics a = sample_run("a.tar.zst", 1);
  RunMetrics b = sample_run("b.tar.zst", 1);
  a.dedup.kept_in_index = 1000;
  a.dedup.index_bytes = 500'000;
  b.dedup.kept_in_index = 1000;
  b.dedup.index_bytes = 830'000;
  const RunMetrics merged = merge_run_metrics({a, b});
  EXPECT_DOUBLE_EQ(merged.dedup.index_bytes_per_kept_document(), 665.0);
  EXPECT_DOUBLE_EQ(RunMetrics{}.dedup.index_bytes_per_kept_document(), 0.0);
}

TEST(RunMetrics, DedupCountsMustBeCounts) {
  nlohmann::json json = run_metrics_to_json(sample_run("a", 1));
  json["dedup"]["kept_in_index"] = "many";
  EXPECT_THROW(run_metrics_from_json(json), StatsFormatError);
}

TEST(RunMetrics, FromJsonRejectsBrokenDocuments) {
  nlohmann::json json = run_metrics_to_json(sample_run("a", 1));
  nlohmann::json bad = json;
  bad.erase("shards");
  EXPECT_THROW(run_metrics_from_json(bad), StatsFormatError);
  bad = json;
  bad["stages"][0]["busy_seconds"] = "slow";
  EXPECT_THROW(run_metrics_from_json(bad), StatsFormatError);
  bad = json;
  bad["outputs"] = nlohmann::json::array();
  EXPECT_THROW(run_metrics_from_json(bad), StatsFormatError);
}

}  // namespace
}  // namespace corpusflow
