#include "stages/parse/page_layout.h"

namespace corpusflow {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_blank_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Splits off the first line (without its '\n'); `rest` starts after the newline.
std::string_view take_line(std::string_view& rest) {
  const size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

std::string_view skip_blank(std::string_view text) {
  while (!text.empty() && is_blank_space(text.front())) text.remove_prefix(1);
  return text;
}

}  // namespace

bool is_iso_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

PageParts split_page(std::string_view page) {
  PageParts parts;
  if (page.starts_with("\xEF\xBB\xBF")) page.remove_prefix(3);
  std::string_view rest = page;
  // Leading blank lines and spaces before the header are tolerated.
  while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
  std::string_view after_header = rest;
  std::string_view header = skip_blank(take_line(after_header));
  if (header.starts_with("date") && header.size() > 4 && is_blank_space(header[4])) {
    std::string_view fields = skip_blank(header.substr(4));
    const std::string_view day = fields.substr(0, 10);
    if (is_iso_day(day) && (fields.size() == 10 || is_blank_space(fields[10]))) {
      parts.has_header = true;
      parts.date = day;
      parts.url = trim(fields.substr(10));
      rest = after_header;
    }
  }
  if (!parts.has_header) {
    parts.body = page;
    return parts;
  }
  while (!rest.empty()) {
    std::string_view line = trim(take_line(rest));
    if (!line.empty()) {
      parts.title = line;
      break;
    }
  }
  parts.body = rest;
  return parts;
}

}  // namespace corpusflow
