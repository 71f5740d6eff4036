// What the program says about itself and about mistyped usage: --version, help's usage lines, suggestions.
#include <gtest/gtest.h>

#include <regex>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

TEST(UsageCli, VersionNamesTheProgramVersionAndCommit) {
  const CommandResult result = run_corpusflow({"--version"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::regex_match(result.out, std::regex(R"(corpusflow \d+\.\d+\.\d+ \(([0-9a-f]{7,}(-dirty)?|unknown)\)\n)")))
      << result.out;
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

}  // namespace
}  // namespace corpusflow::testing
