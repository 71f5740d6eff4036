// What an element's attributes say about its content: hidden, page furniture (navigation, comments, share and
// cookie widgets, related links, ads) or the page's own text (article, main content). Read from class, id, role,
// itemprop, style, hidden and aria-hidden; the word lists are in docs/html.md.
#pragma once

#include <cstdint>
#include <string_view>

namespace corpusflow::html {

enum HintFlags : uint8_t {
  kHintNone = 0,
  kHintBoilerplate = 1,       // a name that only page furniture carries: comments, share, sidebar, cookie, ...
  kHintMaybeBoilerplate = 2,  // furniture unless the same names also say content: header, meta, widget, ...
  kHintContent = 4,           // article, content, entry, post, story, role=main, itemprop=articleBody
  kHintHidden = 8,            // not rendered: hidden, aria-hidden=true, display:none, screen-reader-only text
  kHintLinkCluster = 16,      // set by the parser: an inline element of two or more links and no other text
};

struct ElementAttributes {
  std::string_view class_names = {};
  std::string_view id = {};
  std::string_view role = {};
  std::string_view itemprop = {};
  std::string_view style = {};
  bool hidden = false;
  bool aria_hidden = false;
};

uint8_t hints_of(const ElementAttributes& attributes);

// The hints of one class or id value (space-separated names); exposed for tests.
uint8_t hints_of_names(std::string_view names);

}  // namespace corpusflow::html
