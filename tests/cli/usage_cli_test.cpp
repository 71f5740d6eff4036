// What the program says about itself and about mistyped usage: --version, help's usage lines, suggestions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

TEST(UsageCli, VersionNamesTheProgramVersionAndCommit) {
  const CommandResult result = run_corpusflow({"--version"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // gtest's regular expressions (POSIX extended here), not std::regex: GCC 12 warns inside <regex> at -O1.
  ASSERT_TRUE(result.out.ends_with("\n")) << result.out;
  EXPECT_THAT(result.out.substr(0, result.out.size() - 1),
              ::testing::MatchesRegex(R"(corpusflow [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{7,}(-dirty)?|unknown)\))"));
}

TEST(UsageCli, HelpUsageLinesNameTheProgramNotItsPath) {
  ASSERT_TRUE(std::string(CORPUSFLOW_BINARY).starts_with("/"));
  const CommandResult run_help = run_corpusflow({"run", "--help"});
  EXPECT_EQ(run_help.exit_code, 0) << run_help.err;
  EXPECT_NE(run_help.out.find("Usage: corpusflow run [OPTIONS]"), std::string::npos) << run_help.out;
  const CommandResult help = run_corpusflow({"--help"});
  EXPECT_NE(help.out.find("Usage: corpusflow [OPTIONS] SUBCOMMAND"), std::string::npos) << help.out;
  for (const CommandResult* result : {&run_help, &help}) {
    EXPECT_EQ(result->out.find(CORPUSFLOW_BINARY), std::string::npos) << result->out;
  }
}

TEST(UsageCli, UnknownCommandSuggestsTheNearestOne) {
  const CommandResult result = run_corpusflow({"rnu"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "corpusflow: unknown command 'rnu'; did you mean 'run'?\n");
  EXPECT_EQ(run_corpusflow({"stat", "x"}).err, "corpusflow: unknown command 'stat'; did you mean 'stats'?\n");
}

TEST(UsageCli, UnknownCommandFarFromAnyPointsToHelp) {
  const CommandResult result = run_corpusflow({"deploy"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "corpusflow: unknown command 'deploy' (see --help)\n");
}

TEST(UsageCli, UnknownOptionOfACommandSuggestsTheNearestOne) {
  TempDir dir;
  const CommandResult result = run_corpusflow({"run", "--thread", "2", kSample, "-o", (dir / "out").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "corpusflow run: unknown option '--thread'; did you mean '--threads'?\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
  const CommandResult with_value = run_corpusflow({"run", "--thread=2", kSample, "-o", (dir / "out").string()});
  EXPECT_EQ(with_value.err, "corpusflow run: unknown option '--thread'; did you mean '--threads'?\n");
  EXPECT_EQ(run_corpusflow({"stats", "--jsn", "x"}).err,
            "corpusflow stats: unknown option '--jsn'; did you mean '--json'?\n");
}

TEST(UsageCli, MistypedRequiredOptionIsNamedRatherThanReportedMissing) {
  TempDir dir;
  const CommandResult result = run_corpusflow({"run", kSample, "--outptu", (dir / "out").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "corpusflow run: unknown option '--outptu'; did you mean '--output'?\n");
}

TEST(UsageCli, UnknownProgramOptionSuggestsTheNearestOne) {
  const CommandResult result = run_corpusflow({"--verison"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "corpusflow: unknown option '--verison'; did you mean '--version'?\n");
}

TEST(UsageCli, UnknownOptionFarFromAnyPointsToHelp) {
  TempDir dir;
  const CommandResult result = run_corpusflow({"run", kSample, "-o", (dir / "out").string(), "--bogus"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "corpusflow run: unknown option '--bogus' (see --help)\n");
}

TEST(UsageCli, OtherUsageErrorsKeepCli11sReason) {
  const CommandResult none = run_corpusflow({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "corpusflow: A subcommand is required (see --help)\n");
  const CommandResult bad_value = run_corpusflow({"run", kSample, "-o", "x", "--progress", "baz"});
  EXPECT_EQ(bad_value.exit_code, 2);
  EXPECT_NE(bad_value.err.find("--progress"), std::string::npos) << bad_value.err;
  EXPECT_EQ(bad_value.err.find("unknown"), std::string::npos) << bad_value.err;
}

}  // namespace
}  // namespace corpusflow::testing
