#include "stages/html/main_content.h"

#include <algorithm>
#include <string>

#include "stages/html/html_hints.h"

namespace corpusflow::html {
namespace {

// A block is sentence-like when it is long, or of a fair length with sentence punctuation (docs/html.md).
constexpr uint32_t kLongBlock = 80;
constexpr uint32_t kSentenceBlock = 20;
// A <p> is written as prose: a fair length is enough, for the scripts that do without sentence punctuation (Thai).
constexpr uint32_t kParagraphBlock = 40;
// Above this share of link text a block is a link list (navigation, related articles, tag clouds).
constexpr float kLinkListDensity = 0.5f;
// Short blocks that are neither (labels, menu entries without links, dates) count a little against an element.
constexpr float kShortBlockValue = -0.25f;
// A furniture element inside the container is kept when it holds at least this share of the container's text:
// a hint never removes the bulk of the content (`<div class="content has-sidebar">`).
constexpr float kBulkShare = 0.5f;

bool is_sentence_like(const Block& block) {
  return block.weight >= kLongBlock || (block.weight >= kSentenceBlock && block.punctuation > 0) ||
         (block.tag == Tag::p && block.weight >= kParagraphBlock);
}

float link_density(const Block& block) {
  return block.weight == 0 ? 0.0f : static_cast<float>(block.link_weight) / static_cast<float>(block.weight);
}

// The page's own wrappers (html, body) carry layout classes (`has-sidebar`, `single-post`): never furniture.
bool is_furniture(const Element& element) {
  if (element.tag == Tag::html || element.tag == Tag::body) return false;
  return is_boilerplate_tag(element.tag) || (element.hints & kHintBoilerplate) != 0;
}

bool is_prunable(const Element& element) {
  if (is_furniture(element)) return true;
  if (element.tag == Tag::header) return true;
  return (element.hints & kHintMaybeBoilerplate) != 0 && (element.hints & kHintContent) == 0;
}

void without_spaces(std::string_view text, std::string& out) {
  out.clear();
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') out.push_back(c);
  }
}

// The heading repeats the title when one holds the other and they are of comparable length (a <title> often adds
// the site's name).
bool repeats_title(std::string_view heading, std::string_view title) {
  if (heading.empty() || title.empty()) return false;
  if (heading.size() <= title.size()) return heading.size() * 2 >= title.size() && title.find(heading) != title.npos;
  return title.size() * 2 >= heading.size() && heading.find(title) != heading.npos;
}

}  // namespace

void MainContentSelector::select(const HtmlDocument& document, const RenderedText& rendered, std::string_view title,
                                 std::vector<uint8_t>& keep) {
  const std::vector<Element>& elements = document.elements;
  const std::vector<Block>& blocks = rendered.blocks;
  keep.assign(blocks.size(), 0);
  if (blocks.empty()) return;
  const size_t count = elements.size();

  // First the sentence-like text of every element, hints aside; then furniture, which never holds the bulk of
  // the page's text; then the scores.
  good_.assign(count, 0.0f);
  for (const Block& block : blocks) {
    if (is_sentence_like(block) && link_density(block) <= kLinkListDensity) {
      good_[block.element] += static_cast<float>(block.weight);
    }
  }
  for (size_t i = count; i-- > 1;) good_[elements[i].parent] += good_[i];

  furniture_.assign(count, 0);
  const float page_bulk = kBulkShare * good_[0];
  for (size_t i = 1; i < count; ++i) {
    furniture_[i] = static_cast<uint8_t>(furniture_[elements[i].parent] != 0 ||
                                         (is_furniture(elements[i]) && good_[i] < page_bulk));
  }

  score_.assign(count, 0.0f);
  for (const Block& block : blocks) {
    const auto weight = static_cast<float>(block.weight);
    const float density = link_density(block);
    float value;
    if (furniture_[block.element] != 0 || density > kLinkListDensity) {
      value = -weight;
    } else if (is_sentence_like(block)) {
      value = weight * (1.0f - density);
    } else {
      value = kShortBlockValue * weight;
    }
    score_[block.element] += value;
  }
  for (size_t i = count; i-- > 1;) score_[elements[i].parent] += score_[i];

  // Without sentence-like text anywhere, nothing tells the content from the rest: the whole page is taken.
  uint32_t container = 0;
  for (uint32_t i = 1; i < count && good_[0] > 0; ++i) {
    if (score_[i] > score_[container]) container = i;
  }
  const uint32_t container_end = elements[container].end;

  pruned_.assign(count, 0);
  const float bulk = kBulkShare * good_[container];
  for (uint32_t i = container + 1; i < container_end; ++i) {
    pruned_[i] =
        static_cast<uint8_t>(pruned_[elements[i].parent] != 0 || (is_prunable(elements[i]) && good_[i] < bulk));
  }

  std::string squashed_title;
  std::string squashed_heading;
  without_spaces(title, squashed_title);
  size_t first = blocks.size();
  size_t last = 0;
  bool any_sentence_like = false;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (block.element < container || block.element >= container_end || pruned_[block.element] != 0) continue;
    if (link_density(block) > kLinkListDensity) continue;
    if (is_heading(block.tag)) {
      without_spaces(std::string_view(rendered.text).substr(block.begin, block.end - block.begin), squashed_heading);
      if (repeats_title(squashed_heading, squashed_title)) continue;
    }
    keep[b] = 1;
    first = std::min(first, b);
    last = b;
    any_sentence_like = any_sentence_like || is_sentence_like(block);
  }
  if (!any_sentence_like) return;  // a page of short texts only: nothing to tell debris from content
  // Debris at the edges of the container (a byline, a date, "Share", "Advertisement") is not the content's;
  // short blocks between sentence-like ones (sub-headings, short paragraphs) are.
  for (; first < blocks.size() && first <= last; ++first) {
    if (keep[first] == 0) continue;
    if (is_sentence_like(blocks[first]) || is_heading(blocks[first].tag)) break;
    keep[first] = 0;
  }
  for (; last > first; --last) {
    if (keep[last] == 0) continue;
    if (is_sentence_like(blocks[last])) break;
    keep[last] = 0;
  }
}

}  // namespace corpusflow::html
