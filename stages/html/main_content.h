// Main-content extraction: which blocks of a page are its own text (the article) and which are page furniture
// (navigation, related links, comments, share and cookie widgets, bylines). Scores every element by the text of
// its blocks (sentence-like text counts for it, link lists and furniture against it), takes the best-scoring
// element as the content's container, then drops the furniture, link lists and edge debris inside it.
// The rules are written out in docs/html.md; none depends on a language or on spaces between words.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "stages/html/html_blocks.h"
#include "stages/html/html_document.h"

namespace corpusflow::html {

// How many blocks of an element's subtree are sentence-like, and how many start with link text.
struct BlockCounts {
  uint32_t sentence_like = 0;
  uint32_t link_led = 0;
};

// The weight of an element's subtree and the part of it inside links.
struct TextWeights {
  uint32_t weight = 0;
  uint32_t link_weight = 0;
};

class MainContentSelector {
 public:
  // keep[i] is set to 1 for the blocks of the main content, 0 for the rest. Headings that repeat `title` are
  // dropped (the title has a field of its own).
  void select(const HtmlDocument& document, const RenderedText& rendered, std::string_view title,
              std::vector<uint8_t>& keep);

 private:
  std::vector<float> score_;
  std::vector<float> good_;
  std::vector<float> prose_;
  std::vector<BlockCounts> counts_;
  std::vector<uint8_t> furniture_;
  std::vector<uint8_t> inline_links_;
  std::vector<TextWeights> text_;
  std::vector<uint8_t> pruned_;
  std::vector<uint8_t> data_table_;
};

}  // namespace corpusflow::html
