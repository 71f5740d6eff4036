// HTML to text: the pure function behind the extract stage. Takes a page's markup (already UTF-8) and returns its
// title, its text and the language it declares. Never throws on any input; memory and time linear in the page.
//
// Text layout (docs/html.md): blocks (paragraphs, headings, lists, tables, quotes) are separated by a blank line
// ("\n\n"); the lines of one block (list items, table rows, <br>) by "\n"; table cells by a tab. Whitespace is
// collapsed inside a block (except the line breaks of <pre>), entities are decoded, no markup is left.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stages/html/html_blocks.h"
#include "stages/html/html_document.h"
#include "stages/html/main_content.h"

namespace corpusflow {

enum class HtmlMode : uint8_t {
  extract,  // the main content only: boilerplate (navigation, comments, related links, widgets) removed
  text,     // all visible text of the page
  raw,      // the markup untouched: text is the input, no title, no language
};

const char* to_string(HtmlMode mode);
std::optional<HtmlMode> html_mode_from_name(std::string_view name);  // "extract", "text" or "raw"

struct HtmlText {
  std::string title;          // og:title, else <title>, else the first <h1>; whitespace collapsed; may be empty
  std::string text;           // laid out as above; empty when the page has no (main) text
  std::string language_hint;  // <html lang> as the page declares it (e.g. "en-US"); empty when absent or malformed
};

// Keeps its buffers between pages: one per thread, reused, allocates little once warm.
class HtmlExtractor {
 public:
  void extract(std::string_view utf8_html, HtmlMode mode, HtmlText& out);

 private:
  html::HtmlDocument document_;
  html::RenderedText rendered_;
  html::MainContentSelector selector_;
  std::vector<uint8_t> keep_;
};

HtmlText extract_html(std::string_view utf8_html, HtmlMode mode);

}  // namespace corpusflow
