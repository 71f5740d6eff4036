#include "stages/parse/json_repair.h"

#include <gtest/gtest.h>

#include <string>

namespace corpusflow {
namespace {

std::string replaced(std::string json, size_t expected_count) {
  EXPECT_EQ(replace_lone_surrogate_escapes(json), expected_count) << json;
  return json;
}

TEST(LoneSurrogateEscapes, BecomeReplacementCharactersOfTheSameLength) {
  EXPECT_EQ(replaced(R"({"t":"a\udc80b"})", 1), R"({"t":"a\ufffdb"})");
  EXPECT_EQ(replaced(R"({"t":"\uD800"})", 1), R"({"t":"\ufffd"})");              // high, at the end
  EXPECT_EQ(replaced(R"({"t":"\ud800\u0041"})", 1), R"({"t":"\ufffd\u0041"})");  // high before a non-low
  EXPECT_EQ(replaced(R"({"t":"\udc00\ud800"})", 2), R"({"t":"\ufffd\ufffd"})");  // low then high: both lone
  EXPECT_EQ(replaced(R"({"t":"\ud83d\ude00"})", 0), R"({"t":"\ud83d\ude00"})");  // a pair stays
  EXPECT_EQ(replaced(R"({"t":"\\udc80"})", 0), R"({"t":"\\udc80"})");            // an escaped backslash
  EXPECT_EQ(replaced(R"({"t":"\\\udc80"})", 1), R"({"t":"\\\ufffd"})");          // backslash, then an escape
  EXPECT_EQ(replaced(R"({"t":"\u12"})", 0), R"({"t":"\u12"})");                  // malformed: the parser's
  EXPECT_EQ(replaced(R"(\ud800)", 1), R"(\ufffd)");
  EXPECT_EQ(replaced("{\"t\":\"a\\", 0), "{\"t\":\"a\\");  // ends in a backslash (found by fuzzing)
  EXPECT_EQ(replaced("\\", 0), "\\");
}

TEST(BlankOutNumbers, KeepsStructureAndChecksTheNumberGrammar) {
  std::string out;
  ASSERT_TRUE(blank_out_numbers(R"({"a":1e999,"b":[-123456789012345678901234567890,0.5e-3],"c":"1e999"})", out));
  EXPECT_EQ(out, R"({"a":0,"b":[0,0],"c":"1e999"})");
  ASSERT_TRUE(blank_out_numbers(R"(["\"12", 3])", out));
  EXPECT_EQ(out, R"(["\"12", 0])");
  for (const char* bad : {"01", "1.", "-", "1e+", "1e", "1.2.3", "-x"}) {
    EXPECT_FALSE(blank_out_numbers(bad, out)) << bad;
  }
}

}  // namespace
}  // namespace corpusflow
