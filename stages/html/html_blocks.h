// A parsed page's visible text laid out as blocks (paragraphs, headings, list items, table rows), each with
// the measures the main-content scorer uses: how much text, how much of it is link text, how sentence-like.
// One pass over the document's events with an explicit stack; whitespace collapsed as a browser shows it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stages/html/html_document.h"
#include "stages/html/html_tags.h"

namespace corpusflow::html {

struct Block {
  uint32_t begin = 0;  // the block's bytes in RenderedText::text
  uint32_t end = 0;
  uint32_t element = 0;              // innermost element open at the block's first character
  Break before = Break::none;        // what separates it from the previous block: line or paragraph
  Tag tag = Tag::other;              // innermost block-level element: p, li, h2, td, div, ...
  uint32_t weight = 0;               // letters and digits; a Han character counts 3, kana and Hangul 2
  uint32_t link_weight = 0;          // the part of weight inside <a>
  uint32_t punctuation = 0;          // sentence punctuation: . , ; : ! ? and their forms in other scripts
  uint32_t leading_link_weight = 0;  // the weight of the link the block starts with, 0 when it starts with text
  uint32_t link_runs = 0;            // most stretches of link text on one line, set apart by words outside links
};

struct RenderedText {
  std::string text;  // every block's text, back to back, without separators
  std::vector<Block> blocks;
  void clear() {
    text.clear();
    blocks.clear();
  }
};

// Lays out the whole document. Inside a block, runs of whitespace become one space, <br> a line break, and
// table cells are separated by a tab; <pre> keeps its line breaks. A block ends at every element that puts a
// line or paragraph break (html_tags.h) and at every element with hints, so an element's text is whole blocks.
void render_blocks(const HtmlDocument& document, RenderedText& rendered);

// Joins the blocks with keep[i] set: "\n\n" where a paragraph break lies between two kept blocks, else "\n".
void join_blocks(const RenderedText& rendered, const std::vector<uint8_t>& keep, std::string& out);

}  // namespace corpusflow::html
