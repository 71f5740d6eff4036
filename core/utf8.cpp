#include "core/utf8.h"

#include <cstdint>
#include <cstring>

#include <simdjson.h>

namespace corpusflow {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Valid second-byte range for a lead byte (Unicode Table 3-7), or {0, 0} for an invalid lead.
struct SecondByteRange {
  unsigned char low, high;
  size_t length;
};

SecondByteRange second_byte_range(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {0x80, 0xBF, 2};
  if (lead == 0xE0) return {0xA0, 0xBF, 3};
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) return {0x80, 0xBF, 3};
  if (lead == 0xED) return {0x80, 0x9F, 3};
  if (lead == 0xF0) return {0x90, 0xBF, 4};
  if (lead >= 0xF1 && lead <= 0xF3) return {0x80, 0xBF, 4};
  if (lead == 0xF4) return {0x80, 0x8F, 4};
  return {0, 0, 0};
}

size_t ascii_prefix_length(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace

size_t valid_utf8_sequence_length(std::string_view text) {
  if (text.empty()) return 0;
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return 1;
  const SecondByteRange range = second_byte_range(lead);
  if (range.length == 0 || text.size() < range.length) return 0;
  const auto second = static_cast<unsigned char>(text[1]);
  if (second < range.low || second > range.high) return 0;
  for (size_t i = 2; i < range.length; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text[i]))) return 0;
  }
  return range.length;
}

size_t invalid_utf8_subsequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const SecondByteRange range = second_byte_range(lead);
  if (range.length == 0 || text.size() < 2) return 1;
  const auto second = static_cast<unsigned char>(text[1]);
  if (second < range.low || second > range.high) return 1;
  size_t length = 2;
  while (length < range.length && length < text.size() && is_continuation(static_cast<unsigned char>(text[length]))) {
    ++length;
  }
  return length;
}

bool is_valid_utf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

size_t append_repaired_utf8(std::string_view text, std::string& out) {
  size_t repairs = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t ascii = ascii_prefix_length(text.substr(i));
    size_t valid_end = i + ascii;
    while (valid_end < text.size()) {
      const size_t length = valid_utf8_sequence_length(text.substr(valid_end));
      if (length == 0) break;
      valid_end += length;
    }
    out.append(text.data() + i, valid_end - i);
    i = valid_end;
    if (i < text.size()) {
      out.append(kReplacement);
      i += invalid_utf8_subsequence_length(text.substr(i));
      ++repairs;
    }
  }
  return repairs;
}

}  // namespace corpusflow
