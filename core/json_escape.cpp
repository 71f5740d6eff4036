#include "core/json_escape.h"

#include "core/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The first byte at or after `from` that stops a verbatim run, or text.size(): 16 bytes at a time (SSE2) when
// kBlocks, then byte by byte.
template <bool kBlocks>
size_t find_stop(std::string_view text, size_t from, const bool* stops, [[maybe_unused]] bool valid) {
  size_t at = from;
#if defined(__SSE2__)
  if constexpr (kBlocks) {
    const __m128i last_control = _mm_set1_epi8(0x1F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; at + 16 <= text.size(); at += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
      const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, last_control), last_control);
      const __m128i escaped =
          _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
      auto mask = static_cast<uint32_t>(_mm_movemask_epi8(escaped));
      if (!valid) mask |= static_cast<uint32_t>(_mm_movemask_epi8(bytes));  // non-ASCII
      if (mask != 0) return at + static_cast<size_t>(__builtin_ctz(mask));
    }
  }
#endif
  while (at < text.size() && !stops[static_cast<unsigned char>(text[at])]) ++at;
  return at;
}

template <bool kBlocks>
void append_json(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Text that is already valid UTF-8 (normalized text always is) is copied in runs between escapes.
  const bool valid = is_valid_utf8(text);
  const bool* stops = valid ? kStops.escape : kStops.escape_or_non_ascii;
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  size_t i = 0;
  while (i < text.size()) {
    const size_t run = find_stop<kBlocks>(text, i, stops, valid);
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

}  // namespace

void append_json_string(std::string& out, std::string_view text) { append_json<true>(out, text); }

void append_json_string_scalar(std::string& out, std::string_view text) { append_json<false>(out, text); }

}  // namespace corpusflow
