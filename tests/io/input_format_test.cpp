#include "io/input_format.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace corpusflow {
namespace {

TEST(InputFormat, ParseAndNameRoundTrip) {
  for (InputFormat format : {InputFormat::auto_detect, InputFormat::tar, InputFormat::jsonl, InputFormat::warc,
                             InputFormat::arc, InputFormat::text}) {
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
  EXPECT_EQ(detect_format("a.tar.gz"), InputFormat::tar);
  EXPECT_EQ(detect_format("CC-MAIN-x.warc.gz"), InputFormat::warc);
  EXPECT_EQ(detect_format("CC-MAIN-x.warc.wet.gz"), InputFormat::warc);
  EXPECT_EQ(detect_format("CC-MAIN-x.warc.wat.gz"), InputFormat::warc);
  EXPECT_EQ(detect_format("old.arc.gz"), InputFormat::arc);
  EXPECT_EQ(detect_format("dolma-000.json.gz"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("page.html.gz"), InputFormat::text);
  EXPECT_EQ(detect_format("dump.jsonl.xz"), InputFormat::jsonl);  // read, then rejected at its xz magic
  EXPECT_EQ(detect_format("crawl.warc.bz2"), InputFormat::warc);
}

TEST(InputFormat, DataFileNames) {
  for (const char* name : {"a.tar.zst", "b.jsonl", "c.json.gz", "d.warc", "e.wet.gz", "f.wat", "g.arc.gz", "h.txt",
                           "i.html", "j.htm.zst", "k.xhtml", "l.ndjson.gzip"}) {
    EXPECT_TRUE(is_data_file_name(name)) << name;
  }
  for (const char* name : {"README", "README.md", "LICENSE", "LICENSE-apache-2.0", "SHA256SUMS", "x.sha256", "y.zst",
                           "notes.pdf", "z.gz"}) {
    EXPECT_FALSE(is_data_file_name(name)) << name;
  }
}

}  // namespace
}  // namespace corpusflow
