#include "io/http_message.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "io/inflater.h"

namespace corpusflow {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view trim_field(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool field_name_is(std::string_view name, std::string_view expected) {
  return name.size() == expected.size() && std::equal(name.begin(), name.end(), expected.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

void parse_content_type(std::string_view value, std::string& media_type, std::string& charset) {
  size_t semicolon = value.find(';');
  media_type = lower(trim_field(value.substr(0, semicolon)));
  charset.clear();
  while (semicolon != std::string_view::npos) {
    value.remove_prefix(semicolon + 1);
    semicolon = value.find(';');
    const std::string_view parameter = trim_field(value.substr(0, semicolon));
    const size_t equals = parameter.find('=');
    if (equals == std::string_view::npos || !field_name_is(trim_field(parameter.substr(0, equals)), "charset")) {
      continue;
    }
    std::string_view name = trim_field(parameter.substr(equals + 1));
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front()) {
      name = name.substr(1, name.size() - 2);
    }
    charset = std::string(trim_field(name));
    return;
  }
}

bool parse_http_head(std::string_view message, HttpHead& head) {
  head = HttpHead{};
  if (!message.starts_with("HTTP/")) return false;
  size_t position = 0;
  bool first = true;
  while (position < message.size()) {
    const size_t newline = message.find('\n', position);
    const size_t end = newline == std::string_view::npos ? message.size() : newline;
    std::string_view line = message.substr(position, end - position);
    position = newline == std::string_view::npos ? message.size() : newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if (first) {
      first = false;
      const size_t space = line.find(' ');
      if (space != std::string_view::npos) {
        uint32_t status = 0;
        size_t digits = 0;
        for (size_t i = space + 1; i < line.size() && digits < 3 && line[i] >= '0' && line[i] <= '9'; ++i, ++digits) {
          status = status * 10 + static_cast<uint32_t>(line[i] - '0');
        }
        if (digits == 3) head.status = static_cast<uint16_t>(status);
      }
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = trim_field(line.substr(0, colon));
    const std::string_view value = trim_field(line.substr(colon + 1));
    if (field_name_is(name, "Content-Type")) {
      parse_content_type(value, head.media_type, head.charset);
    } else if (field_name_is(name, "Content-Language")) {
      head.language = std::string(value);
    } else if (field_name_is(name, "Content-Encoding")) {
      head.content_encoding = lower(value);
      if (head.content_encoding == "identity") head.content_encoding.clear();
    } else if (field_name_is(name, "Transfer-Encoding")) {
      head.chunked = lower(value).find("chunked") != std::string::npos;
    }
  }
  head.length = position;
  return true;
}

void dechunk(std::string& body) {
  size_t read = 0;
  size_t write = 0;
  for (;;) {
    const size_t newline = body.find('\n', read);
    if (newline == std::string::npos) break;
    size_t size = 0;
    size_t digits = 0;
    size_t i = read;
    for (; i < newline; ++i) {
      const int digit = hex_value(body[i]);
      if (digit < 0 || size > (SIZE_MAX >> 4)) break;
      size = size * 16 + static_cast<size_t>(digit);
      ++digits;
    }
    // After the digits: optional spaces, an optional ;extension, an optional CR.
    while (i < newline && (body[i] == ' ' || body[i] == '\t')) ++i;
    const bool extension = i < newline && body[i] == ';';
    if (digits == 0 || !(i == newline || extension || (body[i] == '\r' && i + 1 == newline))) break;
    const size_t data = newline + 1;
    if (size == 0) {
      body.resize(write);
      return;
    }
    if (size > body.size() - data) break;
    std::memmove(body.data() + write, body.data() + data, size);
    write += size;
    read = data + size;
    if (body.compare(read, 2, "\r\n") == 0) {
      read += 2;
    } else if (read < body.size() && body[read] == '\n') {
      read += 1;
    } else if (read < body.size()) {
      break;
    }
    if (read == body.size()) {  // the last chunk without the zero chunk after it
      body.resize(write);
      return;
    }
  }
  // The rest is not chunked: keep it as it is after what was decoded.
  if (read == 0) return;
  std::memmove(body.data() + write, body.data() + read, body.size() - read);
  body.resize(write + body.size() - read);
}

BodyDecoding decode_content_encoding(std::string& body, const std::string& encoding, uint64_t max_bytes,
                                     std::string& detail) {
  detail.clear();
  if (encoding.empty()) return BodyDecoding::ok;
  std::string decoded;
  bool over_limit = false;
  if (encoding == "gzip" || encoding == "x-gzip") {
    if (!starts_with_gzip_magic(body)) return BodyDecoding::ok;
    detail = inflate_body(body, DeflateWrapper::gzip, max_bytes, decoded, over_limit);
  } else if (encoding == "deflate") {
    // RFC 9110 says zlib; some servers send raw deflate.
    detail = inflate_body(body, DeflateWrapper::zlib, max_bytes, decoded, over_limit);
    if (!detail.empty() && !over_limit &&
        inflate_body(body, DeflateWrapper::raw, max_bytes, decoded, over_limit).empty()) {
      detail.clear();
    }
  } else {
    return BodyDecoding::unsupported;
  }
  if (over_limit) {
    detail = "Content-Encoding " + encoding + ": " + detail;
    return BodyDecoding::too_large;
  }
  if (!detail.empty()) {
    detail = "Content-Encoding " + encoding + ": " + detail;
    return BodyDecoding::failed;
  }
  body.swap(decoded);
  return BodyDecoding::ok;
}

}  // namespace corpusflow
