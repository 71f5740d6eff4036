#include "io/web_payload.h"

#include "io/http_message.h"

namespace corpusflow {

namespace {

// A payload with no declared type: HTML when its first non-blank byte opens a tag, else plain text.
std::string sniff_media_type(std::string_view payload) {
  const size_t first = payload.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return first != std::string_view::npos && payload[first] == '<' ? "text/html" : "text/plain";
}

}  // namespace

bool is_text_media_type(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml" || media_type == "text/plain";
}

bool take_web_payload(RawRecord& out, bool http, const std::string& block_media_type, const std::string& block_charset,
                      uint64_t max_bytes, std::string& skipped_kind) {
  WebRecordInfo& web = out.web;
  const std::string& type = web.type;
  // A crawler's own records (wget's log and arguments, DNS answers) are not pages.
  for (std::string_view scheme : {"metadata:", "dns:", "filedesc:"}) {
    if (std::string_view(web.url).starts_with(scheme)) {
      skipped_kind = type + " " + std::string(scheme) + " URI";
      return false;
    }
  }
  HttpHead head;
  if (!http || !parse_http_head(out.bytes, head)) {
    web.media_type = block_media_type.empty() || block_media_type == "application/octet-stream"
                         ? sniff_media_type(out.bytes)
                         : block_media_type;
    web.charset = block_charset;
    out.size = out.bytes.size();
    if (is_text_media_type(web.media_type)) return true;
    skipped_kind = type + " " + web.media_type;
    return false;
  }
  web.http_status = head.status;
  web.charset = head.charset;
  web.language = head.language;
  if (head.status < 200 || head.status > 299) {
    skipped_kind = type + " HTTP " + std::to_string(head.status);
    return false;
  }
  out.bytes.erase(0, head.length);
  if (head.chunked) dechunk(out.bytes);
  std::string detail;
  switch (decode_content_encoding(out.bytes, head.content_encoding, max_bytes, detail)) {
    case BodyDecoding::ok: break;
    case BodyDecoding::unsupported: skipped_kind = type + " Content-Encoding " + head.content_encoding; return false;
    case BodyDecoding::failed:
      out.bad_body = detail + " in the record at offset " + std::to_string(out.offset);
      out.bytes.clear();
      return true;
    case BodyDecoding::too_large:
      out.too_large = true;
      out.size = max_bytes + 1;  // at least: decoding stopped there
      out.bytes.clear();
      return true;
  }
  web.media_type = head.media_type.empty() ? sniff_media_type(out.bytes) : head.media_type;
  out.size = out.bytes.size();
  if (is_text_media_type(web.media_type)) return true;
  skipped_kind = type + " " + web.media_type;
  return false;
}

}  // namespace corpusflow
