// Fuzz target: extract_html over arbitrary bytes, in all three modes. Promises checked: text and title are valid
// UTF-8 without NUL; text has no whitespace at its ends or around its line breaks' edges that the layout does not
// make (no double space, no blank-line runs); the language hint looks like a language tag; extract mode's lines
// are a subsequence of text mode's (main content is a selection of the visible text, never new text); a reused
// extractor gives the same result as a fresh one; raw mode returns the input.
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "stages/html/html_text.h"
#include "stages/html/page_title.h"
#include "tests/fuzz/fuzz_support.h"

namespace corpusflow::fuzz_html {

std::vector<std::string_view> non_empty_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_edge_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

void check_layout(const HtmlText& result) {
  const std::string& text = result.text;
  FUZZ_CHECK(is_valid_utf8(text), "text is not valid UTF-8");
  FUZZ_CHECK(is_valid_utf8(result.title), "title is not valid UTF-8");
  FUZZ_CHECK(text.find('\0') == std::string::npos && result.title.find('\0') == std::string::npos, "a NUL left");
  FUZZ_CHECK(text.empty() || (!is_edge_space(text.front()) && !is_edge_space(text.back())), "text not trimmed");
  FUZZ_CHECK(text.find("  ") == std::string::npos, "two spaces in a row");
  FUZZ_CHECK(text.find("\n\n\n") == std::string::npos, "more than one blank line");
  FUZZ_CHECK(text.find(" \n") == std::string::npos && text.find("\n ") == std::string::npos,
             "a space at a line's edge");
  FUZZ_CHECK(result.title.size() <= html::kMaxTitleBytes, "title over the limit");
  FUZZ_CHECK(result.title.find('\n') == std::string::npos, "a line break in the title");
  for (const char c : result.language_hint) {
    FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_',
               "language hint is not a language tag");
  }
}

}  // namespace corpusflow::fuzz_html

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corpusflow;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  static HtmlExtractor reused;

  HtmlText visible;
  reused.extract(html, HtmlMode::text, visible);
  fuzz_html::check_layout(visible);
  HtmlText main;
  reused.extract(html, HtmlMode::extract, main);
  fuzz_html::check_layout(main);
  FUZZ_CHECK(main.title == visible.title && main.language_hint == visible.language_hint,
             "title or language differ between modes");

  const auto all_lines = fuzz_html::non_empty_lines(visible.text);
  size_t next = 0;
  for (const std::string_view line : fuzz_html::non_empty_lines(main.text)) {
    while (next < all_lines.size() && all_lines[next] != line) ++next;
    FUZZ_CHECK(next < all_lines.size(), "extract mode has a line that text mode does not have, in that order");
    ++next;
  }

  const HtmlText fresh = extract_html(html, HtmlMode::extract);
  FUZZ_CHECK(fresh.text == main.text && fresh.title == main.title, "a reused extractor differs from a fresh one");
  HtmlText raw;
  reused.extract(html, HtmlMode::raw, raw);
  FUZZ_CHECK(raw.text == html && raw.title.empty(), "raw mode changed the input");
  return 0;
}
