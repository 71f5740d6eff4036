// The product's folders include one way only (scripts/check-layering.sh, docs/architecture.md).
#include <gtest/gtest.h>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

const std::string kCheck = std::string(CORPUSFLOW_SOURCE_DIR) + "/scripts/check-layering.sh";

TEST(Layering, TheTreeFollowsTheRules) {
  TempDir dir;
  const int code = shell(quote(kCheck) + " " + quote(CORPUSFLOW_SOURCE_DIR) + " > " + quote(dir.file("log")) + " 2>&1");
  EXPECT_EQ(code, 0) << read_file(dir / "log");
}

TEST(Layering, AStageThatIncludesTheEngineOrIoIsCaught) {
  TempDir dir;
  for (const char* folder :
       {"core", "io", "stages/parse", "engine/gen", "engine/report", "engine/graph", "engine/cli"}) {
    std::filesystem::create_directories(dir / folder);
  }
  write_file(dir / "stages/parse/good.cpp", "#include \"core/document.h\"\n#include \"stages/stage.h\"\n");
  write_file(dir / "engine/graph/fine.cpp", "#include \"stages/parse/parser.h\"\n#include \"io/shard_writer.h\"\n");
  ASSERT_EQ(shell(quote(kCheck) + " " + quote(dir.path().string()) + " > /dev/null 2>&1"), 0);

  write_file(dir / "stages/parse/bad.cpp", "#include \"engine/graph/run_config.h\"\n#include \"io/input_stream.h\"\n");
  write_file(dir / "io/bad.cpp", "#include \"stages/parse/parser.h\"\n");
  write_file(dir / "engine/report/bad.cpp", "#include \"engine/gen/rng.h\"\n");
  const int code = shell(quote(kCheck) + " " + quote(dir.path().string()) + " > " + quote(dir.file("log")) + " 2>&1");
  EXPECT_EQ(code, 1);
  const std::string log = read_file(dir / "log");
  EXPECT_NE(log.find("stages/parse/bad.cpp includes \"engine/graph/run_config.h\""), std::string::npos) << log;
  EXPECT_NE(log.find("stages/parse/bad.cpp includes \"io/input_stream.h\""), std::string::npos) << log;
  EXPECT_NE(log.find("io/bad.cpp includes \"stages/parse/parser.h\""), std::string::npos) << log;
  EXPECT_NE(log.find("engine/report/bad.cpp includes \"engine/gen/rng.h\""), std::string::npos) << log;
  EXPECT_EQ(log.find("good.cpp"), std::string::npos) << log;
  EXPECT_EQ(log.find("fine.cpp"), std::string::npos) << log;
}

}  // namespace
}  // namespace corpusflow::testing
