#include "stages/parse/json_repair.h"

#include <cstring>

namespace corpusflow {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of the `\uXXXX` escape at json[i] (json[i] == '\\'), or -1 when there is none.
long escaped_unit(std::string_view json, size_t i) {
  if (i + 6 > json.size() || json[i] != '\\' || json[i + 1] != 'u') return -1;
  long unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int digit = hex_digit(json[k]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the JSON number at json[i], or 0 when what starts there is not one.
size_t number_length(std::string_view json, size_t i) {
  const size_t start = i;
  const size_t n = json.size();
  if (i < n && json[i] == '-') ++i;
  if (i >= n || !is_ascii_digit(json[i])) return 0;
  if (json[i] == '0') {
    ++i;
  } else {
    while (i < n && is_ascii_digit(json[i])) ++i;
  }
  if (i < n && json[i] == '.') {
    ++i;
    if (i >= n || !is_ascii_digit(json[i])) return 0;
    while (i < n && is_ascii_digit(json[i])) ++i;
  }
  if (i < n && (json[i] == 'e' || json[i] == 'E')) {
    ++i;
    if (i < n && (json[i] == '+' || json[i] == '-')) ++i;
    if (i >= n || !is_ascii_digit(json[i])) return 0;
    while (i < n && is_ascii_digit(json[i])) ++i;
  }
  if (i < n && (is_ascii_digit(json[i]) || json[i] == '.' || json[i] == 'e' || json[i] == 'E')) return 0;  // `01`
  return i - start;
}

}  // namespace

size_t replace_lone_surrogate_escapes(std::string& json) {
  size_t replaced = 0;
  const std::string_view view(json);
  size_t i = 0;
  while (i < json.size()) {  // every step below may move i past the end (a line that ends in a backslash)
    const void* found = std::memchr(json.data() + i, '\\', json.size() - i);
    if (found == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(found) - json.data());
    const long unit = escaped_unit(view, i);
    if (unit < 0xD800 || unit > 0xDFFF) {
      i += 2;  // any other escape, `\\` included: its second character never starts one
      continue;
    }
    if (unit <= 0xDBFF) {
      const long low = escaped_unit(view, i + 6);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 12;
        continue;
      }
    }
    std::memcpy(json.data() + i + 2, "fffd", 4);
    ++replaced;
    i += 6;
  }
  return replaced;
}

bool blank_out_numbers(std::string_view json, std::string& out) {
  out.clear();
  out.reserve(json.size());
  bool in_string = false;
  for (size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < json.size()) {
        out.push_back(json[i + 1]);
        i += 2;
        continue;
      }
      if (c == '"') in_string = false;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '-' || is_ascii_digit(c)) {
      const size_t length = number_length(json, i);
      if (length == 0) return false;
      out.push_back('0');
      i += length;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return true;
}

}  // namespace corpusflow
