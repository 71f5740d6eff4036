// A page parsed into what text extraction needs and nothing more: the visible elements in document order with
// their tag and hints, and the text between them, plus the page's <title>, og:title and declared language.
// Built from libxml2's HTML SAX parser, without libxml2's own tree: no recursion (100k-deep nesting is fine),
// no per-node allocation, buffers reused from page to page. Never throws for any input bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stages/html/html_tags.h"

namespace corpusflow::html {

struct Element {
  Tag tag = Tag::other;
  uint8_t hints = 0;    // HintFlags of the element's own attributes
  uint32_t parent = 0;  // elements[0], the document, is its own parent
  uint32_t end = 0;     // one past its last descendant: the subtree is elements [index, end)
};

enum class EventKind : uint8_t { open, close, text };

struct Event {
  EventKind kind = EventKind::text;
  uint32_t element = 0;  // open and close: the element; text: the innermost open element
  uint32_t offset = 0;   // text: where its bytes start in HtmlDocument::text
  uint32_t size = 0;
};

struct HtmlDocument {
  // Elements in the order they start (pre-order), so a parent's index is below its children's. Elements that
  // are never visible (script, style, svg, template, form controls, hidden ones) are left out with everything in
  // them.
  std::vector<Element> elements;
  std::vector<Event> events;  // open, text and close in document order, balanced
  std::string text;           // the decoded text of the text events, entities resolved, whitespace as written
  std::string title;          // text of the first <title>, as written
  std::string og_title;       // content of <meta property="og:title">
  std::string language;       // <html lang> (or xml:lang, or <meta http-equiv="content-language">), as written

  void clear();
};

// Parses `html`, taken as UTF-8 whatever the page's <meta charset> says (invalid sequences become U+FFFD first).
void parse_html(std::string_view html, HtmlDocument& document);

}  // namespace corpusflow::html
