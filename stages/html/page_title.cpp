#include "stages/html/page_title.h"

namespace corpusflow::html {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
void cut(std::string& text, size_t limit) {
  if (text.size() <= limit) return;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  while (!text.empty() && text.back() == ' ') text.pop_back();
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool no_break_space = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (is_ascii_space(c) || no_break_space) {
      space = !out.empty();
      if (no_break_space) ++i;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string page_title(const HtmlDocument& document, const RenderedText& rendered) {
  std::string title = collapse_whitespace(document.og_title);
  if (title.empty()) title = collapse_whitespace(document.title);
  if (title.empty()) {
    for (const Block& block : rendered.blocks) {
      if (block.tag == Tag::h1) {
        title = collapse_whitespace(std::string_view(rendered.text).substr(block.begin, block.end - block.begin));
        break;
      }
    }
  }
  cut(title, kMaxTitleBytes);
  return title;
}

std::string page_language(const HtmlDocument& document) {
  std::string_view language = document.language;
  while (!language.empty() && is_ascii_space(language.front())) language.remove_prefix(1);
  while (!language.empty() && is_ascii_space(language.back())) language.remove_suffix(1);
  if (language.empty() || language.size() > 35 || !is_ascii_letter(language.front())) return {};
  for (const char c : language) {
    if (!is_ascii_letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') return {};
  }
  return std::string(language);
}

}  // namespace corpusflow::html
