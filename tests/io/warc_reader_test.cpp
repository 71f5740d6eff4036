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
                        std::string_view version = "WARC/1.1", std::string_view content_type = "") {
  if (content_type.empty()) content_type = type == "response" ? "application/http" : "text/plain";
  std::string record(version);
  record.append("\r\nWARC-Type: ").append(type).append("\r\nWARC-Record-ID: <urn:uuid:").append(type);
  record.append(">\r\n");
  if (!uri.empty()) record.append("WARC-Target-URI: ").append(uri).append("\r\n");
  record.append("Content-Type: ")
      .append(content_type)
      .append("\r\ncontent-length: ")
      .append(std::to_string(block.size()));
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
  EXPECT_EQ(records[0].web.url, "http://a.example/");
  EXPECT_EQ(records[0].web.media_type, "text/html");
  EXPECT_EQ(records[0].web.http_status, 200);
  EXPECT_EQ(records[0].web.record_id, "<urn:uuid:response>");
  EXPECT_EQ(records[1].web.media_type, "text/plain");
  EXPECT_EQ(counts.skipped_members, 3u);
  EXPECT_EQ(counts.skipped_by_kind,
            (std::map<std::string, uint64_t>{{"metadata", 1}, {"request", 1}, {"warcinfo", 1}}));
  EXPECT_EQ(counts.records, 2u);
  EXPECT_EQ(counts.uncompressed_bytes, warc.size());
}

std::string http_response(std::string_view headers, std::string_view body) {
  return "HTTP/1.1 200 OK\r\n" + std::string(headers) + "\r\n" + std::string(body);
}

TEST(WarcReader, HttpBodiesAreDecodedAndNonTextSkippedByKind) {
  TempDir dir;
  const std::string chunked = "5\r\n<p>ab\r\n6;ext=1\r\ncd</p>\r\n0\r\n\r\n";
  const std::string warc =
      warc_record("response", "http://a.example/chunked",
                  http_response("Content-Type: text/html; charset=\"windows-1251\"\r\nTransfer-Encoding: chunked\r\n"
                                "Content-Language: ru\r\n",
                                chunked)) +
      warc_record("response", "http://a.example/gzip",
                  http_response("Content-Type: text/plain\r\nContent-Encoding: gzip\r\n",
                                testing::gzip_member("gzipped text"))) +
      warc_record("response", "http://a.example/image.png", http_response("Content-Type: image/png\r\n", "PNG")) +
      warc_record("response", "http://a.example/missing",
                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>") +
      warc_record("response", "http://a.example/br",
                  http_response("Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x03")) +
      warc_record("response", "http://a.example/broken",
                  http_response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", "\x1f\x8b\x08\x00garbage")) +
      warc_record("conversion", "http://a.example/wet", "extracted text", "WARC/1.0", "text/plain") +
      warc_record("resource", "metadata://wget/log", "a crawler's log") +
      warc_record("revisit", "http://a.example/chunked", "");
  write_file(dir.file("a.warc"), warc);
  ReaderCounts counts;
  auto records = read_all(dir.file("a.warc"), InputFormat::warc, 1 << 20, &counts);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].bytes, "<p>abcd</p>");
  EXPECT_EQ(records[0].web.charset, "windows-1251");
  EXPECT_EQ(records[0].web.language, "ru");
  EXPECT_EQ(records[1].bytes, "gzipped text");
  EXPECT_EQ(records[1].web.media_type, "text/plain");
  EXPECT_EQ(records[2].name, "http://a.example/broken");
  EXPECT_TRUE(records[2].bytes.empty());
  EXPECT_NE(records[2].bad_body.find("Content-Encoding gzip: "), std::string::npos) << records[2].bad_body;
  EXPECT_NE(records[2].bad_body.find("offset "), std::string::npos) << records[2].bad_body;
  EXPECT_EQ(records[3].bytes, "extracted text");
  EXPECT_EQ(records[3].web.type, "conversion");
  EXPECT_EQ(counts.skipped_by_kind, (std::map<std::string, uint64_t>{{"resource metadata: URI", 1},
                                                                     {"response Content-Encoding br", 1},
                                                                     {"response HTTP 404", 1},
                                                                     {"response image/png", 1},
                                                                     {"revisit", 1}}));
}

TEST(WarcReader, ContentEncodingBombStopsAtTheRecordCap) {
  TempDir dir;
  const std::string zeros(8 << 20, '\0');
  const std::string warc =
      warc_record("response", "http://a.example/bomb",
                  http_response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", testing::gzip_member(zeros)));
  write_file(dir.file("a.warc"), warc);
  auto records = read_all(dir.file("a.warc"), InputFormat::warc, 1 << 20);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].too_large);
  EXPECT_TRUE(records[0].bytes.empty());
}

TEST(WarcReader, TargetUriInAngleBracketsAndDate) {
  TempDir dir;
  std::string warc = warc_record("resource", "<http://a.example/x>", "text");
  warc.insert(warc.find("\r\n") + 2, "WARC-Date: 2024-05-18T07:24:47Z\r\n");
  write_file(dir.file("a.warc"), warc);
  auto records = read_all(dir.file("a.warc"), InputFormat::warc);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].web.url, "http://a.example/x");
  EXPECT_EQ(records[0].web.date, "2024-05-18T07:24:47Z");
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
