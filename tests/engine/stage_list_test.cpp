#include "engine/graph/stage_list.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/graph/pipeline.h"

namespace corpusflow {
namespace {

std::vector<std::string> names(const RunConfig& config) {
  std::vector<std::string> result;
  for (const StageEntry& entry : stage_list(config)) result.push_back(entry.name);
  return result;
}

RunConfig resolved(RunConfig config) {
  resolve(config);
  return config;
}

TEST(StageList, DefaultRunHasEveryStageInGraphOrder) {
  EXPECT_EQ(names(resolved({})),
            (std::vector<std::string>{"parse", "extract", "normalize", "boilerplate", "filter", "fingerprint", "ids",
                                      "decide", "stats", "encode", "compress"}));
}

TEST(StageList, TheBoilerplatePassGathersBlocksAndTheFilterRunsWithEitherHalf) {
  const auto list = stage_list(resolved({}));
  EXPECT_EQ(list[3].mode, StageMode::gather);
  EXPECT_EQ(list[4].mode, StageMode::parallel);
  RunConfig no_boilerplate;
  no_boilerplate.filter.boilerplate.enabled = false;
  EXPECT_EQ(names(resolved(no_boilerplate))[3], "filter");
  RunConfig no_rules;
  no_rules.filter.enabled = false;
  EXPECT_EQ(names(resolved(no_rules))[4], "filter");
  RunConfig neither = no_rules;
  neither.filter.boilerplate.enabled = false;
  EXPECT_EQ(names(resolved(neither))[3], "fingerprint");
}

TEST(StageList, WithoutDedupThereIsNoFingerprintNorDecideButIdsStay) {
  RunConfig config;
  config.dedup.exact = config.dedup.url = config.dedup.near = false;
  EXPECT_EQ(names(resolved(config)), (std::vector<std::string>{"parse", "extract", "normalize", "boilerplate", "filter",
                                                               "ids", "stats", "encode", "compress"}));
}

TEST(StageList, OnErrorFailChecksInOrderBeforeDecide) {
  RunConfig config;
  config.fail_on_io_error = true;
  const auto list = stage_list(resolved(config));
  ASSERT_EQ(list.size(), 12u);
  EXPECT_EQ(list[6].name, "on_error");
  EXPECT_EQ(list[6].mode, StageMode::serial_in_order);
  EXPECT_EQ(list[7].name, "ids");
  EXPECT_EQ(list[8].name, "decide");
  EXPECT_EQ(list[8].mode, StageMode::serial_in_order);
}

TEST(StageList, OnlyIdsDecideTheGuardAndTheBoilerplateBlockAreSerial) {
  RunConfig config;
  config.fail_on_io_error = true;
  for (const StageEntry& entry : stage_list(resolved(config))) {
    const bool serial = entry.name == "ids" || entry.name == "decide" || entry.name == "on_error";
    EXPECT_EQ(entry.mode == StageMode::serial_in_order, serial) << entry.name;
    EXPECT_EQ(entry.mode == StageMode::gather, entry.name == "boilerplate") << entry.name;
  }
}

TEST(StageList, EachMakeGivesAFreshWorker) {
  const auto list = stage_list(resolved({}));
  auto a = list[0].make();
  auto b = list[0].make();
  EXPECT_NE(a.get(), b.get());
}

TEST(ResolveRunConfig, ThreadsAndFingerprintTextFollowFromTheConfig) {
  RunConfig config = resolved({});
  EXPECT_GT(config.threads, 0);
  EXPECT_TRUE(config.normalize.keep_fingerprint_text);
  config.threads = 3;
  resolve(config);
  EXPECT_EQ(config.threads, 3);
  EXPECT_EQ(batches_in_flight(config), 3u * 3u + 2u + config.filter.boilerplate.block_batches);
  config.filter.boilerplate.enabled = false;
  EXPECT_EQ(batches_in_flight(config), 3u * 3u + 2u);

  RunConfig no_dedup;
  no_dedup.dedup.exact = no_dedup.dedup.url = no_dedup.dedup.near = false;
  EXPECT_FALSE(resolved(no_dedup).normalize.keep_fingerprint_text);
}

TEST(ResolveRunConfig, ThePipelineRefusesAnUnresolvedConfig) {
  EXPECT_THROW(run_pipeline(RunConfig{}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace corpusflow
