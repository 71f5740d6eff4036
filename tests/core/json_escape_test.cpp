#include "core/json_escape.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace corpusflow {
namespace {

std::string as_json(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonEscape, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(as_json("plain"), "\"plain\"");
  EXPECT_EQ(as_json("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
  EXPECT_EQ(as_json("line\nnext\ttab\r\x01\x1f\x7f"), "\"line\\nnext\\ttab\\r\\u0001\\u001f\x7f\"");
  EXPECT_EQ(as_json("\u0645\u0631\u062d\u0628\u0627 \"x\""), "\"\u0645\u0631\u062d\u0628\u0627 \\\"x\\\"\"");
}

TEST(JsonEscape, RepairsInvalidUtf8) {
  EXPECT_EQ(as_json("a\xFFz"), "\"a\uFFFDz\"");
  EXPECT_EQ(as_json(std::string(20, 'x') + "\xC3" + std::string(20, 'y')),
            "\"" + std::string(20, 'x') + "\uFFFD" + std::string(20, 'y') + "\"");
}

// Long random strings put every kind of byte at every offset of a 16-byte block.
TEST(JsonEscape, BlocksMatchTheScalarTwin) {
  const std::vector<std::string> pieces = {"abc",    " ",          "\"",   "\\",       "\n",
                                           "\x01",   "\x1f",       "\x7f", "\xC3\xA9", "\u0627",
                                           "\u65e5", "\U0001F600", "\xFF", "\xC3",     "\xE6\x97"};
  std::mt19937 random(5);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const int length = round % 50;
    for (int k = 0; k < length; ++k) text += pieces[pick(random)];
    std::string fast = "prefix";
    std::string scalar = "prefix";
    append_json_string(fast, text);
    append_json_string_scalar(scalar, text);
    ASSERT_EQ(fast, scalar) << "input: " << text;
  }
}

}  // namespace
}  // namespace corpusflow
