#include "core/json_escape.h"

#include "core/utf8.h"

namespace corpusflow {
namespace {

// Bytes that stop a verbatim run: controls, '"', '\\', and (on the repairing path) every non-ASCII byte.
struct StopTable {
  bool escape[256] = {};
  bool escape_or_non_ascii[256] = {};
  constexpr StopTable() {
    for (int c = 0; c < 256; ++c) {
      escape[c] = c < 0x20 || c == '"' || c == '\\';
      escape_or_non_ascii[c] = escape[c] || c >= 0x80;
    }
  }
};
constexpr StopTable kStops;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Text that is already valid UTF-8 (normalized text always is) is copied in runs between escapes.
  const bool* stops = is_valid_utf8(text) ? kStops.escape : kStops.escape_or_non_ascii;
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && !stops[static_cast<unsigned char>(text[run])]) ++run;
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t length = valid_utf8_sequence_length(text.substr(i));
      if (length > 0) {
        out.append(text.data() + i, length);
        i += length;
      } else {
        out += "\xEF\xBF\xBD";
        i += invalid_utf8_subsequence_length(text.substr(i));
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    ++i;
  }
  out += '"';
}

}  // namespace corpusflow
