#include "stages/html/raw_text_filter.h"

#include <cstring>

namespace corpusflow::html {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` starts with `lower_case_word` in any case.
bool starts_with_word(std::string_view text, std::string_view lower_case_word) {
  if (text.size() < lower_case_word.size()) return false;
  for (size_t i = 0; i < lower_case_word.size(); ++i) {
    if (ascii_lower(text[i]) != lower_case_word[i]) return false;
  }
  return true;
}

bool ends_tag_name(std::string_view text, size_t at) {
  if (at >= text.size()) return true;
  const char c = text[at];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '>' || c == '/';
}

// What starts at html[at] (a '<'): a comment, a raw-text element, or something else; sets `skip_from` and
// `resume_at` to the bytes to drop.
struct Drop {
  size_t from = 0;
  size_t to = 0;
};

bool find_drop(std::string_view html, size_t at, Drop& drop) {
  const std::string_view rest = html.substr(at + 1);
  if (rest.starts_with("!--")) {
    const size_t end = html.find("-->", at + 4);
    drop = {at, end == std::string_view::npos ? html.size() : end + 3};
    return true;
  }
  std::string_view name;
  if (starts_with_word(rest, "script") && ends_tag_name(rest, 6)) {
    name = "script";
  } else if (starts_with_word(rest, "style") && ends_tag_name(rest, 5)) {
    name = "style";
  } else {
    return false;
  }
  const size_t tag_end = html.find('>', at);
  if (tag_end == std::string_view::npos) return false;
  size_t close = tag_end + 1;
  while ((close = html.find("</", close)) != std::string_view::npos) {
    if (starts_with_word(html.substr(close + 2), name) && ends_tag_name(html, close + 2 + name.size())) break;
    close += 2;
  }
  drop = {tag_end + 1, close == std::string_view::npos ? html.size() : close};
  return true;
}

}  // namespace

std::string_view drop_raw_text(std::string_view html, std::string& out) {
  size_t copied = 0;  // html[0, copied) is accounted for in out
  size_t at = 0;
  bool dropped = false;
  while (at < html.size()) {
    const void* found = std::memchr(html.data() + at, '<', html.size() - at);
    if (found == nullptr) break;
    at = static_cast<size_t>(static_cast<const char*>(found) - html.data());
    Drop drop;
    if (!find_drop(html, at, drop)) {
      ++at;
      continue;
    }
    if (!dropped) {
      out.clear();
      dropped = true;
    }
    out.append(html, copied, drop.from - copied);
    copied = drop.to;
    at = drop.to;
  }
  if (!dropped) return html;
  out.append(html, copied, html.size() - copied);
  return out;
}

}  // namespace corpusflow::html
