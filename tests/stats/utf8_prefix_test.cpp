#include "stages/stats/utf8_prefix.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace corpusflow {
namespace {

TEST(Utf8Prefix, EndsBeforeACharacterThatWouldNotFit) {
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
  EXPECT_EQ(utf8_prefix("abc", 2), "ab");
  EXPECT_EQ(utf8_prefix("مصر", 5), "مص");               // 2 bytes each
  EXPECT_EQ(utf8_prefix("a\xF0\x9F\x98\x80", 4), "a");  // the 4-byte emoji does not fit in 3
  EXPECT_EQ(utf8_prefix("a\xF0\x9F\x98\x80", 5), "a\xF0\x9F\x98\x80");
  EXPECT_EQ(utf8_prefix("", 5), "");
  EXPECT_EQ(utf8_prefix("abc", 0), "");
}

TEST(Utf8Prefix, IsValidUtf8WhateverTheInput) {
  EXPECT_EQ(utf8_prefix("a\xFF"
                        "b",
                        10),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(utf8_prefix("a\xFF"
                        "b",
                        3),
            "a");                                          // U+FFFD takes 3 bytes
  EXPECT_EQ(utf8_prefix("\xE2\x82", 10), "\xEF\xBF\xBD");  // a truncated sequence is one U+FFFD
  std::string long_text;
  for (int i = 0; i < 500; ++i) long_text += (i % 7 == 0) ? "\x80" : "ب";
  for (size_t limit : {0, 1, 2, 3, 299, 300, 301}) {
    std::string prefix = utf8_prefix(long_text, limit);
    EXPECT_LE(prefix.size(), limit);
    EXPECT_TRUE(is_valid_utf8(prefix)) << limit;
    EXPECT_GE(prefix.size() + 3, limit) << limit;
  }
}

}  // namespace
}  // namespace corpusflow
