// The filter stage through the CLI on real Arabic news: what it removes is accounted, written to OUT/filtered
// with its rule and value, the same for any thread count and block size, and configurable.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

const std::string kAntShards = kSample + "/ant";
const std::string kAntShard = kSample + "/ant/ant-00000.tar.zst";  // 1,000 pages, for the runs that compare

nlohmann::json read_filter_json(const std::filesystem::path& path) { return nlohmann::json::parse(read_file(path)); }

TEST(FilterCli, RealNewsKeepsItsArticlesAndEveryFilteredPageSaysWhy) {
  TempDir dir;
  const auto out = dir / "out";
  const CommandResult run = run_corpusflow_as_given({"run", kAntShards, "-o", out.string(), "--progress", "none"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = read_filter_json(out / "manifest.json");
  const auto& accounting = manifest["accounting"];
  const uint64_t read = accounting["read"].get<uint64_t>();
  const uint64_t filtered = accounting["filtered"].get<uint64_t>();
  EXPECT_EQ(read, accounting["kept"].get<uint64_t>() + accounting["duplicates"].get<uint64_t>() + filtered +
                      accounting["rejected"].get<uint64_t>());
  EXPECT_TRUE(accounting["balanced"].get<bool>());
  EXPECT_GT(filtered, 0u);
  EXPECT_LT(static_cast<double>(filtered), 0.10 * static_cast<double>(read)) << "real news stays";
  EXPECT_NE(run.out.find(std::to_string(filtered) + " filtered"), std::string::npos) << run.out;

  const std::vector<std::string> lines = decoded_lines(out / "filtered");
  ASSERT_EQ(lines.size(), filtered);
  const auto stats = read_filter_json(out / "stats.json");
  EXPECT_EQ(stats["documents"]["filtered"].get<uint64_t>(), filtered);
  EXPECT_EQ(stats["filters"]["filtered"].get<uint64_t>(), filtered);
  uint64_t by_rule = 0;
  for (const auto& [rule, entry] : stats["filters"]["rules"].items()) by_rule += entry["documents"].get<uint64_t>();
  EXPECT_EQ(by_rule, filtered);
  for (const std::string& line : lines) {
    const auto record = nlohmann::json::parse(line);
    const std::string rule = record["rule"].get<std::string>();
    ASSERT_TRUE(stats["filters"]["rules"].contains(rule)) << line;
    const double value = record["value"].get<double>();
    const double limit = record["limit"].get<double>();
    const std::string bound = rule == "no_text_left" || rule == "c4_curly_bracket" || rule == "c4_lorem_ipsum" ? "flag"
                              : rule.find("min") != std::string::npos || rule == "gopher_alpha_words" ||
                                      rule == "gopher_stop_words" || rule == "fineweb_line_punctuation"
                                  ? "min"
                                  : "max";
    if (bound == "min") {
      EXPECT_LT(value, limit) << line;
    }
    if (bound == "max") {
      EXPECT_GT(value, limit) << line;
    }
    EXPECT_EQ(record["language"], "ar") << line;
    EXPECT_TRUE(record.contains("id") && record.contains("url") && record.contains("source")) << line;
    EXPECT_FALSE(record.contains("text")) << "text only with --keep-filtered";
  }
  // The Arabic section's limits are the ones applied to Arabic pages.
  EXPECT_NEAR(stats["filters"]["rules"]["gopher_dup_line_fraction"]["values"]["ar"]["limit"].get<double>(), 0.304,
              1e-9);
  EXPECT_GT(stats["filters"]["rules"]["gopher_min_words"]["values"]["ar"]["p50"].get<double>(), 100);
  EXPECT_EQ(manifest["config"]["filters"]["enabled"], true);
  EXPECT_TRUE(std::filesystem::exists(out / "report.html"));
}

TEST(FilterCli, TheSameOutputForAnyThreadCountAndBlocksOfAnySize) {
  TempDir dir;
  write_file(dir / "small-blocks.json", R"({"boilerplate": {"block_batches": 2, "min_documents": 2}})");
  std::vector<std::pair<std::string, std::string>> first;
  for (const char* threads : {"1", "2"}) {
    const auto out = dir / (std::string("out-") + threads);
    const CommandResult run =
        run_corpusflow_as_given({"run", kAntShard, "-o", out.string(), "--progress", "none", "--threads", threads,
                                 "--batch-size", "300KiB", "--filters", (dir / "small-blocks.json").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::vector<std::pair<std::string, std::string>> contents;
    for (const char* folder : {"data", "duplicates", "filtered", "rejects"}) {
      for (auto& entry : folder_contents(out / folder)) contents.emplace_back(folder + entry.first, entry.second);
    }
    const auto stats = read_filter_json(out / "stats.json");
    EXPECT_GT(stats["filters"]["boilerplate"]["blocks"].get<uint64_t>(), 3u);
    if (first.empty()) {
      first = contents;
    } else {
      EXPECT_TRUE(contents == first) << "threads " << threads;
    }
  }
}

TEST(FilterCli, RulesAreSetFromAFileAndTheCommandLineAndBadOnesAreRefused) {
  TempDir dir;
  write_file(dir / "strict.json", R"({"languages": {"ar": {"rules": {"gopher_min_words": 400}}}})");
  const auto out = dir / "out";
  const CommandResult strict =
      run_corpusflow_as_given({"run", kAntShard, "-o", out.string(), "--progress", "none", "--keep-filtered",
                               "--filters", (dir / "strict.json").string(), "--filter", "fineweb_short_lines=off"});
  ASSERT_EQ(strict.exit_code, 0) << strict.err;
  const auto manifest = read_filter_json(out / "manifest.json");
  EXPECT_GT(manifest["accounting"]["filtered"].get<uint64_t>(), 300u);
  EXPECT_EQ(manifest["config"]["filters"]["applied"].size(), 2u);
  const auto lines = decoded_lines(out / "filtered");
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(nlohmann::json::parse(lines.front()).contains("text"));

  const CommandResult off = run_corpusflow_as_given(
      {"run", kAntShard, "-o", (dir / "off").string(), "--progress", "none", "--no-filters", "--no-boilerplate"});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  EXPECT_EQ(read_filter_json(dir / "off" / "manifest.json")["accounting"]["filtered"].get<uint64_t>(), 0u);

  write_file(dir / "bad.json", R"({"rules": {"gopher_min_wrds": 3}})");
  const CommandResult bad = run_corpusflow_as_given(
      {"run", kAntShard, "-o", (dir / "bad").string(), "--filters", (dir / "bad.json").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("no filter rule named 'gopher_min_wrds'"), std::string::npos) << bad.err;
  const CommandResult setting =
      run_corpusflow_as_given({"run", kAntShard, "-o", (dir / "bad2").string(), "--filter", "gopher_min_words=lots"});
  EXPECT_EQ(setting.exit_code, 2);
  EXPECT_NE(setting.err.find("gopher_min_words=lots"), std::string::npos) << setting.err;
}

}  // namespace
}  // namespace corpusflow::testing
