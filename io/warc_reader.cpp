#include "io/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace corpusflow {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_decimal(std::string_view s, uint64_t& value) {
  value = 0;
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9' || value > (UINT64_MAX - 9) / 10) return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

// Length of the HTTP status line and headers, blank line included; 0 when the block holds none.
size_t http_header_length(std::string_view block) {
  if (!block.starts_with("HTTP/")) return 0;
  if (auto end = block.find("\r\n\r\n"); end != std::string_view::npos) return end + 4;
  if (auto end = block.find("\n\n"); end != std::string_view::npos) return end + 2;
  return block.size();
}

}  // namespace

WarcReader::Line WarcReader::read_line(std::string& line) {
  line.clear();
  for (std::string_view available = cursor_.peek(); !available.empty(); available = cursor_.peek()) {
    const void* found = std::memchr(available.data(), '\n', available.size());
    const size_t take =
        found ? static_cast<size_t>(static_cast<const char*>(found) - available.data()) : available.size();
    if (line.size() + take > kMaxHeaderBytes) return Line::too_long;
    line.append(available.data(), take);
    cursor_.consume(found ? take + 1 : take);
    if (found) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return Line::ok;
    }
  }
  return line.empty() ? Line::end : Line::ok;
}

bool WarcReader::read_record(RawRecord& out) {
  for (;;) {
    uint64_t record_offset = cursor_.offset();
    Line status = read_line(line_);
    while (status == Line::ok && line_.empty()) {  // the blank lines that close the previous record
      record_offset = cursor_.offset();
      status = read_line(line_);
    }
    out.offset = record_offset;
    if (status == Line::end) return cursor_.stream().failed() ? fail(out, {}) : false;
    if (status == Line::too_long || !line_.starts_with("WARC/")) {
      return fail(out, at("bad WARC record header", record_offset));
    }
    std::string type, uri, record_id;
    uint64_t length = 0;
    bool has_length = false;
    size_t header_bytes = 0;
    for (;;) {
      status = read_line(line_);
      if (status != Line::ok) {
        return fail(out, at(status == Line::end ? "truncated WARC header" : "bad WARC record header", record_offset));
      }
      if (line_.empty()) break;
      header_bytes += line_.size();
      if (header_bytes > kMaxHeaderBytes) return fail(out, at("bad WARC record header", record_offset));
      const size_t colon = line_.find(':');
      if (colon == std::string::npos) continue;
      std::string_view name = trim(std::string_view(line_).substr(0, colon));
      std::string_view value = trim(std::string_view(line_).substr(colon + 1));
      if (equals_ignoring_case(name, "Content-Length")) {
        has_length = parse_decimal(value, length);
        if (!has_length) return fail(out, at("bad WARC Content-Length", record_offset));
      } else if (equals_ignoring_case(name, "WARC-Type")) {
        type = value;
      } else if (equals_ignoring_case(name, "WARC-Target-URI")) {
        uri = value;
      } else if (equals_ignoring_case(name, "WARC-Record-ID")) {
        record_id = value;
      }
    }
    if (!has_length) return fail(out, at("WARC record without Content-Length", record_offset));
    const bool wanted = type == "response" || type == "resource";
    if (!wanted) {
      ++counts_.skipped_members;
      if (cursor_.skip(length) < length) return fail(out, at("truncated WARC record", record_offset));
      continue;
    }
    out.name = uri.empty() ? record_id : uri;
    out.size = length;
    uint64_t got = 0;
    if (length > limits_.max_record_bytes) {
      out.too_large = true;
      got = cursor_.skip(length);
    } else {
      // Never allocate from a claimed length: it may be more than the stream holds or memory has.
      out.bytes.reserve(static_cast<size_t>(std::min<uint64_t>(length, kMaxUpfrontReserve)));
      got = cursor_.append_to(out.bytes, length);
    }
    if (got < length) return fail(out, at("truncated WARC record", record_offset));
    if (type == "response" && !out.too_large) {
      out.bytes.erase(0, http_header_length(out.bytes));
      out.size = out.bytes.size();
    }
    return true;
  }
}

}  // namespace corpusflow
