#include "engine/report/format.h"

#include <cmath>
#include <cstdio>

namespace corpusflow::format {

namespace {

// Decodes one code point at `i`, advancing it; invalid bytes yield U+FFFD and advance by one.
char32_t next_code_point(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

int columns(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05BD) ||
      (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
      (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF) {
    return 0;
  }
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

std::string group_thousands(std::string digits) {
  size_t start = digits.starts_with('-') ? 1 : 0;
  for (size_t pos = digits.size(); pos > start + 3; pos -= 3) digits.insert(pos - 3, 1, ',');
  return digits;
}

}  // namespace

std::string count(uint64_t value) { return group_thousands(std::to_string(value)); }

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  size_t dot = text.find('.');
  std::string integer = text.substr(0, dot);
  std::string rest = dot == std::string::npos ? "" : text.substr(dot);
  return group_thousands(integer) + rest;
}

std::string bytes(uint64_t value) {
  static const char* const kUnits[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
  if (value < 1000) return std::to_string(value) + " B";
  double scaled = static_cast<double>(value);
  int unit = -1;
  while (scaled >= 999.95 && unit < 5) {
    scaled /= 1000.0;
    ++unit;
  }
  return fixed(scaled, scaled < 10 ? 2 : 1) + " " + kUnits[unit];
}

std::string percent(double value) {
  if (value > 0 && value < 0.05) return "<0.1%";
  return fixed(value, 1) + "%";
}

std::string seconds(double value) {
  if (!std::isfinite(value) || value < 0) return "-";
  if (value < 10) return fixed(value, 2) + " s";
  if (value < 60) return fixed(value, 1) + " s";
  long total = std::lround(value);
  char buffer[64];
  if (total < 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld min %02ld s", total / 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld h %02ld min", total / 3600, (total % 3600) / 60);
  }
  return buffer;
}

std::string truncate_left(std::string_view text, size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  size_t start = 0;
  while (start < text.size() && display_width(text.substr(start)) > width - 1) {
    ++start;
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  }
  return "…" + std::string(text.substr(start));
}

double share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) width += static_cast<size_t>(columns(next_code_point(text, i)));
  return width;
}

std::string truncate(std::string_view text, size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  size_t used = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    int w = columns(next_code_point(text, i));
    if (used + static_cast<size_t>(w) > width - 1) {
      i = start;
      break;
    }
    used += static_cast<size_t>(w);
  }
  return std::string(text.substr(0, i)) + "…";
}

}  // namespace corpusflow::format

namespace corpusflow::format {

std::string compact(double value) {
  static const char* const kSuffixes[] = {"", "k", "M", "G", "T", "P"};
  int unit = 0;
  while (std::fabs(value) >= 1000 && unit < 5) {
    value /= 1000;
    ++unit;
  }
  char buffer[32];
  if (value == std::floor(value) || std::fabs(value) >= 10) {
    std::snprintf(buffer, sizeof buffer, "%.0f%s", value, kSuffixes[unit]);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f%s", value, kSuffixes[unit]);
  }
  return buffer;
}

}  // namespace corpusflow::format
