#include "io/arc_reader.h"

#include <algorithm>
#include <vector>

#include "io/http_message.h"
#include "io/web_payload.h"

namespace corpusflow {

namespace {

std::vector<std::string_view> split_on_spaces(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t at = 0; at < line.size();) {
    const size_t space = std::min(line.find(' ', at), line.size());
    if (space > at) fields.push_back(line.substr(at, space - at));
    at = space + 1;
  }
  return fields;
}

bool parse_arc_length(std::string_view s, uint64_t& value) {
  value = 0;
  if (s.empty() || s.size() > 19) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

std::string arc_date_to_iso(std::string_view date) {
  if (date.size() < 8 || date.size() > 14 || date.size() % 2 != 0 ||
      !std::all_of(date.begin(), date.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  std::string iso(date.substr(0, 4));
  iso.append("-").append(date.substr(4, 2)).append("-").append(date.substr(6, 2));
  if (date.size() == 8) return iso;
  const std::string time = std::string(date.substr(8)) + std::string(14 - date.size(), '0');
  iso.append("T").append(time.substr(0, 2)).append(":").append(time.substr(2, 2)).append(":");
  iso.append(time.substr(4, 2)).append("Z");
  return iso;
}

bool ArcReader::read_record(RawRecord& out) {
  for (;;) {
    uint64_t record_offset = cursor_.offset();
    Line status = read_line(line_, kMaxHeaderBytes);
    while (status == Line::ok && line_.empty()) {  // the newline after the previous record
      record_offset = cursor_.offset();
      status = read_line(line_, kMaxHeaderBytes);
    }
    out.offset = record_offset;
    if (status == Line::end) return cursor_.stream().failed() ? fail(out, {}) : false;
    const std::vector<std::string_view> fields = split_on_spaces(line_);
    uint64_t length = 0;
    if (status == Line::too_long || fields.size() < 5 || !parse_arc_length(fields.back(), length)) {
      return fail(out, at("bad ARC record header", record_offset));
    }
    WebRecordInfo& web = out.web;
    web = WebRecordInfo{};
    web.url = fields[0];
    web.date = arc_date_to_iso(fields[2]);
    std::string media_type, charset;
    parse_content_type(fields[3], media_type, charset);
    if (web.url.starts_with("filedesc://")) {
      count_skipped("arc filedesc");
      if (cursor_.skip(length) < length) return fail(out, at("truncated ARC record", record_offset));
      continue;
    }
    web.type = "response";
    out.name = web.url;
    out.bytes.clear();  // a record skipped after reading leaves its block here
    out.size = length;
    uint64_t got = 0;
    if (length > limits_.max_record_bytes) {
      out.too_large = true;
      got = cursor_.skip(length);
    } else {
      out.bytes.reserve(static_cast<size_t>(std::min<uint64_t>(length, kMaxUpfrontReserve)));
      got = cursor_.append_to(out.bytes, length);
    }
    if (got < length) return fail(out, at("truncated ARC record", record_offset));
    if (out.too_large) return true;
    if (take_web_payload(out, true, media_type, charset, limits_.max_record_bytes, skipped_kind_)) return true;
    count_skipped(skipped_kind_);
  }
}

}  // namespace corpusflow
