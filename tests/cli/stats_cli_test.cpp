// stats.json, `corpusflow stats` and report.html agree with the output shards of a real run.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

class StatsCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const CommandResult run = run_corpusflow({"run", kSample + "/ant", kSample + "/000_c591a7c62088d57a.txt", "-o",
                                              (*dir_ / "out").string(), "--progress", "log"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    run_stderr_ = new std::string(run.err);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete run_stderr_;
  }
  static std::filesystem::path out() { return *dir_ / "out"; }
  static nlohmann::json stats() { return nlohmann::json::parse(read_file(out() / "stats.json")); }

  static TempDir* dir_;
  static std::string* run_stderr_;
};
TempDir* StatsCli::dir_ = nullptr;
std::string* StatsCli::run_stderr_ = nullptr;

TEST_F(StatsCli, CountsAgreeWithTheOutputShards) {
  const auto json = stats();
  const uint64_t kept = decoded_lines(out() / "data").size();
  const uint64_t duplicates = decoded_lines(out() / "duplicates").size();
  const uint64_t rejected = decoded_lines(out() / "rejects").size();
  EXPECT_EQ(json["documents"]["in"].get<uint64_t>(), 3001u);
  EXPECT_EQ(json["documents"]["kept"].get<uint64_t>(), kept);
  EXPECT_EQ(json["documents"]["duplicates"].get<uint64_t>(), duplicates);
  EXPECT_EQ(json["documents"]["rejected"].get<uint64_t>(), rejected);
  EXPECT_EQ(json["outputs"]["data"]["records"].get<uint64_t>(), kept);
  EXPECT_EQ(json["outputs"]["duplicates"]["records"].get<uint64_t>(), duplicates);
  uint64_t by_kind = 0;
  for (const auto& [kind, counts] : json["duplicates"].items()) by_kind += counts["documents"].get<uint64_t>();
  EXPECT_EQ(by_kind, duplicates);
  uint64_t by_language = 0;
  for (const auto& [language, counts] : json["by_language"].items()) by_language += counts["kept"].get<uint64_t>();
  EXPECT_EQ(by_language, kept);
  EXPECT_GT(json["by_language"]["ar"]["kept"].get<uint64_t>(), kept * 95 / 100);
  EXPECT_GT(json["by_script"]["Arab"]["kept"].get<uint64_t>(), kept * 95 / 100);
  const auto manifest = nlohmann::json::parse(read_file(out() / "manifest.json"));
  EXPECT_EQ(manifest["accounting"]["kept"].get<uint64_t>(), kept);
}

TEST_F(StatsCli, SummaryShowsTheSameNumbers) {
  const CommandResult summary = run_corpusflow({"stats", out().string()});
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  const auto json = stats();
  auto with_separators = [](uint64_t value) {
    std::string digits = std::to_string(value), result;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) result += ',';
      result += digits[i];
    }
    return result;
  };
  EXPECT_NE(summary.out.find(with_separators(json["documents"]["in"].get<uint64_t>())), std::string::npos);
  EXPECT_NE(summary.out.find(with_separators(json["documents"]["kept"].get<uint64_t>())), std::string::npos);
  const CommandResult missing = run_corpusflow({"stats", (out() / "nothing-here").string()});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST_F(StatsCli, ReportIsSelfContained) {
  const std::string html = read_file(out() / "report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // Documents' URLs are shown as text in the samples; no attribute may load or link anything outside.
  for (const char* outside : {"=\"http", "src=", "url(", "<link", "@import"}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
  EXPECT_NE(html.find("id=\"samples-kept\""), std::string::npos);
}

TEST_F(StatsCli, ProgressLogPrintsAFinalLine) {
  EXPECT_NE(run_stderr_->find("progress: "), std::string::npos) << *run_stderr_;
  EXPECT_NE(run_stderr_->find("documents"), std::string::npos);
}

}  // namespace
}  // namespace corpusflow::testing
