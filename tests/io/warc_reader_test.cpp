#include "io/warc_reader.h"

#include <gtest/gtest.h>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::read_all;
using testing::TempDir;
using testing::write_file;
using testing::zstd_frame;

std::string warc_record(std::string_view type, std::string_view uri, std::string_view block,
                        std::string_view version = "WARC/1.1") {
  std::string record(version);
  record.append("\r\nWARC-Type: ").append(type).append("\r\nWARC-Record-ID: <urn:uuid:").append(type);
  record.append(">\r\n");
  if (!uri.empty()) record.append("WARC-Target-URI: ").append(uri).append("\r\n");
  record.append("Content-Type: application/http\r\ncontent-length: ").append(std::to_string(block.size()));
  record.append("\r\n\r\n").append(block).append("\r\n\r\n");
  return record;
}

const char kHttp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>body</html>";

TEST(WarcReader, ResponseAndResourceRecordsOthersSkipped) {
  TempDir dir;
  const std::string warc = warc_record("warcinfo", "", "software: test\r\n") +
                           warc_record("request", "http://a.example/", "GET / HTTP/1.1\r\n\r\n") +
                           warc_record("response", "http://a.example/", kHttp) +
                           warc_record("metadata", "http://a.example/", "fetchTimeMs: 5\r\n") +
                           warc_record("resource", "file:///page.txt", "plain page", "WARC/1.0");
  write_file(dir.file("a.warc.zst"), zstd_frame(warc));
  ReaderCounts counts;
  auto records = read_all(dir.file("a.warc.zst"), InputFormat::warc, 1 << 20, &counts);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].name, "http://a.example/");
  EXPECT_EQ(records[0].bytes, "<html>body</html>");
  EXPECT_EQ(records[0].size, records[0].bytes.size());
  EXPECT_EQ(records[1].name, "file:///page.txt");
  EXPECT_EQ(records[1].bytes, "plain page");
  EXPECT_EQ(counts.skipped_members, 3u);
  EXPECT_EQ(counts.records, 2u);
  EXPECT_EQ(counts.uncompressed_bytes, warc.size());
}

TEST(WarcReader, TooLargeAndTruncatedRecords) {
  TempDir dir;
  const std::string big(5000, 'b');
  std::string warc = warc_record("resource", "urn:big", big) + warc_record("resource", "urn:small", "ok") +
                     warc_record("resource", "urn:cut", std::string(100, 'c'));
  warc.resize(warc.size() - 60);
  write_file(dir.file("a.warc"), warc);
  auto records = read_all(dir.file("a.warc"), InputFormat::warc, 1024);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].too_large);
  EXPECT_EQ(records[0].size, 5000u);
  EXPECT_EQ(records[1].bytes, "ok");
  EXPECT_EQ(records[2].io_error.substr(0, 32), "truncated WARC record at offset ");
}

TEST(WarcReader, NotAWarcIsAnError) {
  TempDir dir;
  write_file(dir.file("a.warc"), "<html>not a warc</html>\n");
  auto records = read_all(dir.file("a.warc"), InputFormat::warc);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].io_error, "bad WARC record header at offset 0");

  write_file(dir.file("b.warc"), "WARC/1.0\r\nWARC-Type: response\r\n\r\n");
  auto missing_length = read_all(dir.file("b.warc"), InputFormat::warc);
  ASSERT_EQ(missing_length.size(), 1u);
  EXPECT_EQ(missing_length[0].io_error, "WARC record without Content-Length at offset 0");
}

}  // namespace
}  // namespace corpusflow
