#include "io/input_format.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace corpusflow {
namespace {

TEST(InputFormat, ParseAndNameRoundTrip) {
  for (InputFormat format :
       {InputFormat::auto_detect, InputFormat::tar, InputFormat::jsonl, InputFormat::warc, InputFormat::text}) {
    EXPECT_EQ(parse_input_format(to_string(format)), format);
  }
  EXPECT_STREQ(to_string(InputFormat::auto_detect), "auto");
  EXPECT_THROW(parse_input_format("zip"), std::invalid_argument);
  EXPECT_THROW(parse_input_format(""), std::invalid_argument);
  EXPECT_THROW(parse_input_format("TAR"), std::invalid_argument);
}

TEST(InputFormat, DetectByExtensionAfterZst) {
  EXPECT_EQ(detect_format("a/ant-00000.tar.zst"), InputFormat::tar);
  EXPECT_EQ(detect_format("x.tar"), InputFormat::tar);
  EXPECT_EQ(detect_format("X.TAR.ZSTD"), InputFormat::tar);
  EXPECT_EQ(detect_format("udhr.jsonl.zst"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("d.ndjson"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("d.json.zst"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("crawl.warc.zst"), InputFormat::warc);
  EXPECT_EQ(detect_format("page.txt"), InputFormat::text);
  EXPECT_EQ(detect_format("page.zst"), InputFormat::text);
  EXPECT_EQ(detect_format("tar"), InputFormat::text);
  EXPECT_EQ(detect_format("dir.tar/page"), InputFormat::text);
  EXPECT_EQ(detect_format("a.tar.gz"), InputFormat::text);
}

}  // namespace
}  // namespace corpusflow
