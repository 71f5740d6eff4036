// HTTP responses as web archives store them: the status line and headers, then the body with its transfer
// encoding (chunked) and content encoding (gzip, deflate) still applied. Parsing the head and decoding the body
// are two steps, so a reader can skip unwanted bodies without decoding them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace corpusflow {

struct HttpHead {
  uint16_t status = 0;
  std::string media_type;        // Content-Type without parameters, lower-cased; "" when absent
  std::string charset;           // Content-Type's charset parameter, unquoted, as written
  std::string language;          // Content-Language, as written
  std::string content_encoding;  // lower-cased; "" when absent or identity
  bool chunked = false;          // Transfer-Encoding names chunked
  size_t length = 0;             // bytes of the status line, the headers and the blank line after them
};

// Header fields, as WARC and HTTP write them: the value without surrounding blanks (and CR); names compared
// ignoring ASCII case.
std::string_view trim_field(std::string_view value);
bool field_name_is(std::string_view name, std::string_view expected);

// Parses the head at the start of message. False when message does not start with an HTTP/x status line; a
// head without its blank line (a body cut short) runs to the end of message.
bool parse_http_head(std::string_view message, HttpHead& head);

// Splits a Content-Type value into its media type (lower-cased) and charset parameter.
void parse_content_type(std::string_view value, std::string& media_type, std::string& charset);

// Undoes chunked transfer coding in place. A body that is not chunked after all, or whose chunks break off,
// keeps the bytes from the first bad chunk header on as they are (what browsers and warcio do).
void dechunk(std::string& body);

enum class BodyDecoding : uint8_t { ok, unsupported, failed, too_large };

// Decodes the content encoding of body in place (gzip, x-gzip, deflate as zlib or raw). unsupported: an
// encoding corpusflow does not decode (br, zstd, compress, lists of several): body unchanged. failed: the bytes
// did not decode (`detail` says what and where). too_large: they decode to more than max_bytes (a zip bomb
// stops there). A body declared gzip that
// does not start with gzip's magic was sent unencoded and is kept as is.
BodyDecoding decode_content_encoding(std::string& body, const std::string& encoding, uint64_t max_bytes,
                                     std::string& detail);

}  // namespace corpusflow
