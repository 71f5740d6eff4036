#include "io/http_message.h"

#include <gtest/gtest.h>

#include "io_test_support.h"

namespace corpusflow {
namespace {

using testing::gzip_member;

TEST(HttpHead, StatusHeadersAndLength) {
  const std::string message =
      "HTTP/1.1 200 OK\r\ncontent-type: Text/HTML ; Charset=\"GB2312\"\r\nContent-Encoding: x-gzip\r\n"
      "Transfer-Encoding: gzip, chunked\r\nContent-Language: zh-CN\r\n\r\nbody";
  HttpHead head;
  ASSERT_TRUE(parse_http_head(message, head));
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.media_type, "text/html");
  EXPECT_EQ(head.charset, "GB2312");
  EXPECT_EQ(head.content_encoding, "x-gzip");
  EXPECT_TRUE(head.chunked);
  EXPECT_EQ(head.language, "zh-CN");
  EXPECT_EQ(message.substr(head.length), "body");

  ASSERT_TRUE(parse_http_head("HTTP/1.0 404 Not Found\n\nlf only", head));
  EXPECT_EQ(head.status, 404);
  EXPECT_EQ(head.length, std::string("HTTP/1.0 404 Not Found\n\n").size());
  EXPECT_FALSE(parse_http_head("<html>", head));
  ASSERT_TRUE(parse_http_head("HTTP/1.1 200 OK\r\nContent-Type: text/plain", head));  // cut before the body
  EXPECT_EQ(head.media_type, "text/plain");
}

TEST(HttpHead, ContentTypeParameters) {
  std::string media, charset;
  parse_content_type("text/html;charset=utf-8", media, charset);
  EXPECT_EQ(media, "text/html");
  EXPECT_EQ(charset, "utf-8");
  parse_content_type("application/xhtml+xml; profile=x; charset='windows-1251'", media, charset);
  EXPECT_EQ(media, "application/xhtml+xml");
  EXPECT_EQ(charset, "windows-1251");
  parse_content_type("TEXT/PLAIN", media, charset);
  EXPECT_EQ(media, "text/plain");
  EXPECT_EQ(charset, "");
}

TEST(Dechunk, ChunksWithExtensionsAndTrailers) {
  std::string body = "4\r\nWiki\r\n5;name=value\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n";
  dechunk(body);
  EXPECT_EQ(body, "Wikipedia in\r\n\r\nchunks.");
  std::string lf_only = "3\nabc\n0\n\n";
  dechunk(lf_only);
  EXPECT_EQ(lf_only, "abc");
}

TEST(Dechunk, NotChunkedOrBrokenKeepsTheRestAsIs) {
  std::string not_chunked = "<!doctype html><p>declared chunked, sent plain</p>";
  const std::string original = not_chunked;
  dechunk(not_chunked);
  EXPECT_EQ(not_chunked, original);

  std::string broken = "3\r\nabc\r\nzz\r\nrest";  // a bad chunk header after one good chunk
  dechunk(broken);
  EXPECT_EQ(broken, "abczz\r\nrest");

  std::string short_chunk = "10\r\nonly 5";  // claims 16 bytes
  dechunk(short_chunk);
  EXPECT_EQ(short_chunk, "10\r\nonly 5");

  std::string no_terminator = "3\r\nabc\r\n";
  dechunk(no_terminator);
  EXPECT_EQ(no_terminator, "abc");
}

TEST(ContentEncoding, GzipDeflateAndWhatIsNotDecoded) {
  std::string detail;
  std::string gzip = gzip_member("hello gzip") + gzip_member(" and more");
  EXPECT_EQ(decode_content_encoding(gzip, "gzip", 1 << 20, detail), BodyDecoding::ok);
  EXPECT_EQ(gzip, "hello gzip and more");

  std::string plain = "<p>sent unencoded though declared gzip</p>";
  EXPECT_EQ(decode_content_encoding(plain, "gzip", 1 << 20, detail), BodyDecoding::ok);
  EXPECT_EQ(plain, "<p>sent unencoded though declared gzip</p>");

  // deflate as zlib (RFC 9110) and as raw deflate (what some servers send)
  std::string zlib_body(128, '\0');
  uLongf size = zlib_body.size();
  ASSERT_EQ(compress(reinterpret_cast<Bytef*>(zlib_body.data()), &size, reinterpret_cast<const Bytef*>("zlib body"), 9),
            Z_OK);
  zlib_body.resize(size);
  std::string raw_body = zlib_body.substr(2, zlib_body.size() - 6);
  EXPECT_EQ(decode_content_encoding(zlib_body, "deflate", 1 << 20, detail), BodyDecoding::ok);
  EXPECT_EQ(zlib_body, "zlib body");
  EXPECT_EQ(decode_content_encoding(raw_body, "deflate", 1 << 20, detail), BodyDecoding::ok);
  EXPECT_EQ(raw_body, "zlib body");

  std::string brotli = "\x1b\x03";
  EXPECT_EQ(decode_content_encoding(brotli, "br", 1 << 20, detail), BodyDecoding::unsupported);
  EXPECT_EQ(brotli, "\x1b\x03");

  std::string corrupt = gzip_member(std::string(5000, 'x'));
  corrupt.resize(corrupt.size() / 2);
  EXPECT_EQ(decode_content_encoding(corrupt, "gzip", 1 << 20, detail), BodyDecoding::failed);
  EXPECT_EQ(detail.rfind("Content-Encoding gzip: truncated at byte ", 0), 0u) << detail;

  std::string bomb = gzip_member(std::string(4 << 20, '\0'));
  EXPECT_EQ(decode_content_encoding(bomb, "gzip", 1 << 20, detail), BodyDecoding::too_large);
}

}  // namespace
}  // namespace corpusflow
