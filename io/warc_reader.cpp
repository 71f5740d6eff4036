#include "io/warc_reader.h"

#include "io/http_message.h"
#include "io/web_payload.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace corpusflow {

namespace {

bool parse_decimal(std::string_view s, uint64_t& value) {
  value = 0;
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9' || value > (UINT64_MAX - 9) / 10) return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

// WARC-Target-URI as written, without the <> of WARC/0.x and some wget versions.
std::string_view strip_angle_brackets(std::string_view uri) {
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') return uri.substr(1, uri.size() - 2);
  return uri;
}

}  // namespace

bool WarcReader::read_record(RawRecord& out) {
  for (;;) {
    uint64_t record_offset = cursor_.offset();
    Line status = read_line(line_, kMaxHeaderBytes);
    while (status == Line::ok && line_.empty()) {  // the blank lines that close the previous record
      record_offset = cursor_.offset();
      status = read_line(line_, kMaxHeaderBytes);
    }
    out.offset = record_offset;
    if (status == Line::end) return cursor_.stream().failed() ? fail(out, {}) : false;
    if (status == Line::too_long || !line_.starts_with("WARC/")) {
      return fail(out, at("bad WARC record header", record_offset));
    }
    WebRecordInfo& web = out.web;
    web = WebRecordInfo{};
    std::string media_type, charset;
    uint64_t length = 0;
    bool has_length = false;
    size_t header_bytes = 0;
    for (;;) {
      status = read_line(line_, kMaxHeaderBytes);
      if (status != Line::ok) {
        return fail(out, at(status == Line::end ? "truncated WARC header" : "bad WARC record header", record_offset));
      }
      if (line_.empty()) break;
      header_bytes += line_.size();
      if (header_bytes > kMaxHeaderBytes) return fail(out, at("bad WARC record header", record_offset));
      const size_t colon = line_.find(':');
      if (colon == std::string::npos) continue;
      std::string_view name = trim_field(std::string_view(line_).substr(0, colon));
      std::string_view value = trim_field(std::string_view(line_).substr(colon + 1));
      if (field_name_is(name, "Content-Length")) {
        has_length = parse_decimal(value, length);
        if (!has_length) return fail(out, at("bad WARC Content-Length", record_offset));
      } else if (field_name_is(name, "WARC-Type")) {
        web.type = value;
      } else if (field_name_is(name, "WARC-Target-URI")) {
        web.url = strip_angle_brackets(value);
      } else if (field_name_is(name, "WARC-Record-ID")) {
        web.record_id = value;
      } else if (field_name_is(name, "WARC-Date")) {
        web.date = value;
      } else if (field_name_is(name, "Content-Type")) {
        parse_content_type(value, media_type, charset);
      }
    }
    if (!has_length) return fail(out, at("WARC record without Content-Length", record_offset));
    const bool wanted = web.type == "response" || web.type == "resource" || web.type == "conversion";
    if (!wanted) {
      count_skipped(web.type.empty() ? "no WARC-Type" : web.type);
      if (cursor_.skip(length) < length) return fail(out, at("truncated WARC record", record_offset));
      continue;
    }
    out.name = web.url.empty() ? web.record_id : web.url;
    out.bytes.clear();  // a record skipped after reading leaves its block here
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
    if (out.too_large) return true;
    const bool http = out.web.type == "response";
    if (take_web_payload(out, http, media_type, charset, limits_.max_record_bytes, skipped_kind_)) return true;
    count_skipped(skipped_kind_);
  }
}

}  // namespace corpusflow
