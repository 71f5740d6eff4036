#include "engine/report/stats_tool.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/report/stats_files.h"
#include "tests/support/stats_test_documents.h"

namespace corpusflow {
namespace {

namespace fs = std::filesystem;

StatsToolOptions options(std::vector<std::string> inputs, bool merge = false, std::string output = "",
                         bool json = false) {
  StatsToolOptions result;
  result.inputs = std::move(inputs);
  result.merge = merge;
  result.output = std::move(output);
  result.json = json;
  return result;
}

class StatsTool : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("corpusflow_stats_tool_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  int run(StatsToolOptions options) {
    out_.str("");
    err_.str("");
    return run_stats_tool(options, out_, err_);
  }

  fs::path root_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(StatsTool, PrintsTheSummaryOfARun) {
  write_stats_files(root_ / "run", testing::sample_stats_json(1000));
  EXPECT_TRUE(fs::exists(root_ / "run" / "stats.json"));
  EXPECT_TRUE(fs::exists(root_ / "run" / "report.html"));
  EXPECT_FALSE(fs::exists(root_ / "run" / "stats.json.tmp"));
  ASSERT_EQ(run(options({(root_ / "run").string()})), 0) << err_.str();
  EXPECT_NE(out_.str().find("1,000"), std::string::npos);
  EXPECT_NE(out_.str().find("Languages"), std::string::npos);
  EXPECT_TRUE(err_.str().empty());
  ASSERT_EQ(run(options({(root_ / "run" / "stats.json").string()}, false, "", true)), 0);
  EXPECT_EQ(nlohmann::json::parse(out_.str()), testing::sample_stats_json(1000));
}

TEST_F(StatsTool, MissingOrInvalidStatsExitWithTwoAndOneLine) {
  auto expect_one_line_error = [&](const StatsToolOptions& tool_options, const std::string& fragment) {
    EXPECT_EQ(run(tool_options), 2);
    std::string error = err_.str();
    EXPECT_NE(error.find(fragment), std::string::npos) << error;
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << error;
    EXPECT_TRUE(out_.str().empty());
  };
  expect_one_line_error(options({(root_ / "nowhere").string()}), "nowhere: not found");
  fs::create_directories(root_ / "empty");
  expect_one_line_error(options({(root_ / "empty").string()}), "empty/stats.json: cannot open");
  fs::create_directories(root_ / "bad");
  std::ofstream(root_ / "bad" / "stats.json") << "{\"documents\": ";
  expect_one_line_error(options({(root_ / "bad").string()}), "not valid JSON at byte");
  std::ofstream(root_ / "bad" / "stats.json") << "{\"schema\": \"corpusflow.stats\", \"schema_version\": 1}";
  expect_one_line_error(options({(root_ / "bad").string()}), "missing key 'config'");
  expect_one_line_error(options({}), "no input");
  expect_one_line_error(options({"a", "b"}), "--merge");
  expect_one_line_error(options({"a"}, true), "-o");
}

TEST_F(StatsTool, MergeWritesTheMergedStatsAndReport) {
  auto documents = testing::make_documents(2000);
  StatsAccumulator left, right;
  for (size_t i = 0; i < documents.size(); ++i) (i < 800 ? left : right).add(documents[i]);
  RunMetrics run_left, run_right;
  run_left.shards = {{"a.tar.zst", 10, 20, 800, 0, 0, 0, 0}};
  run_right.shards = {{"b.tar.zst", 10, 20, 1200, 0, 0, 0, 0}};
  write_stats_files(root_ / "a", make_stats_json(left, run_left), false);
  write_stats_files(root_ / "b", make_stats_json(right, run_right), false);
  EXPECT_FALSE(fs::exists(root_ / "a" / "report.html"));

  ASSERT_EQ(run(options({(root_ / "a").string(), (root_ / "b").string()}, true, (root_ / "c").string())), 0)
      << err_.str();
  std::string error;
  auto merged = read_stats_file(root_ / "c", error);
  ASSERT_TRUE(merged) << error;
  EXPECT_EQ((*merged)["documents"]["in"], 2000);
  EXPECT_EQ((*merged)["run"]["parts"], 2);
  EXPECT_EQ(*merged, merge_stats_json({make_stats_json(left, run_left), make_stats_json(right, run_right)}));
  EXPECT_TRUE(fs::exists(root_ / "c" / "report.html"));
  EXPECT_NE(out_.str().find("2,000"), std::string::npos);
  EXPECT_NE(err_.str().find("merged 2 runs"), std::string::npos);
}

TEST_F(StatsTool, WriteFailureThrows) {
  std::ofstream(root_ / "file") << "x";
  EXPECT_THROW(write_stats_files(root_ / "file" / "sub", testing::sample_stats_json(10)), std::runtime_error);
}

}  // namespace
}  // namespace corpusflow
