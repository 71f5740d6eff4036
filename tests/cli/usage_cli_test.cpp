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

}  // namespace
}  // namespace corpusflow::testing
