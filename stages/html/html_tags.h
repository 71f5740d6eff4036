// What an HTML tag means for text: whether it starts a block (and of which level), hides its content, or marks
// navigation, links, headings, lists and tables. One table lookup per element, by lower-case name.
#pragma once

#include <cstdint>
#include <string_view>

namespace corpusflow::html {

enum class Tag : uint8_t {
  other,  // unknown and custom elements: inline
  a,
  address,
  article,
  aside,
  blockquote,
  body,
  br,
  caption,
  dd,
  details,
  dialog,
  div,
  dl,
  dt,
  figcaption,
  figure,
  footer,
  form,
  h1,
  h2,
  h3,
  h4,
  h5,
  h6,
  head,
  header,
  hr,
  html,
  li,
  main,
  menu,
  meta,
  nav,
  ol,
  p,
  pre,
  section,
  summary,
  table,
  td,
  th,
  title,
  tr,
  ul,
  skipped,  // never visible text: script, style, svg, select, template, iframe, noscript, ...
  block,    // any other block-level element without a role of its own (center, fieldset, tbody, ...)
};

// The break a tag's start and end put into the text (text_layout in docs/html.md).
enum class Break : uint8_t { none, space, cell, line, paragraph };

Tag tag_from_name(std::string_view lower_case_name);

Break break_of(Tag tag);

inline bool is_heading(Tag tag) { return tag >= Tag::h1 && tag <= Tag::h6; }

// Elements whose content is page furniture, not the page's own text, wherever they appear.
inline bool is_boilerplate_tag(Tag tag) {
  return tag == Tag::nav || tag == Tag::aside || tag == Tag::footer || tag == Tag::form || tag == Tag::menu ||
         tag == Tag::dialog;
}

}  // namespace corpusflow::html
