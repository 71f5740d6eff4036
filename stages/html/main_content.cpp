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
// The container holds at least this share of the page's sentence-like text outside furniture.
constexpr float kContainerShare = 0.5f;

bool is_sentence_like(const Block& block) {
  return block.weight >= kLongBlock || (block.weight >= kSentenceBlock && block.punctuation > 0) ||
         (block.tag == Tag::p && block.weight >= kParagraphBlock);
}

// Links set inside sentences (an encyclopedia's or a blog's cross references) are words of the text, not a
// list of links: a block with sentence punctuation whose link text comes in at least this many runs, each set
// apart from the next by words outside links, counts only a part of its link text. A menu, a tag list or a row
// of links ("A | B | C", "Tags: A, B, C") is one run, however many links it has.
constexpr uint32_t kProseLinkRuns = 3;
constexpr float kProseLinkShare = 0.5f;

float counted_link_weight(const Block& block) {
  const auto link_weight = static_cast<float>(block.link_weight);
  return block.punctuation > 0 && block.link_runs >= kProseLinkRuns ? kProseLinkShare * link_weight : link_weight;
}

float link_density(const Block& block) {
  return block.weight == 0 ? 0.0f : counted_link_weight(block) / static_cast<float>(block.weight);
}

// The page's own wrappers (html, body) carry layout classes (`has-sidebar`, `single-post`): never furniture.
bool is_furniture(const Element& element) {
  if (element.tag == Tag::html || element.tag == Tag::body) return false;
  return is_boilerplate_tag(element.tag) || (element.hints & kHintBoilerplate) != 0;
}

// Teasers of other pages (a linked title, then a line or two of their text) come in lists: an element where
// blocks that start with a link are many, and at least half as many as its sentence-like ones, is such a list
// (or a menu). An article's paragraphs seldom start with a link.
constexpr uint32_t kTeaserListMinLinks = 3;

// A linked heading, or a text that opens with a long linked title (a fifth of it at least); not a menu entry
// (short, not a heading), nor a paragraph that starts with a linked name.
constexpr uint32_t kTeaserTitleWeight = 20;

bool is_teaser_title(const Block& block) {
  if (block.leading_link_weight == 0) return false;
  if (is_heading(block.tag)) return true;
  return block.leading_link_weight >= kTeaserTitleWeight && block.leading_link_weight * 5 >= block.weight &&
         is_sentence_like(block);
}

bool is_teaser_list(const BlockCounts& counts) {
  return counts.link_led >= kTeaserListMinLinks && counts.link_led * 2 >= counts.sentence_like;
}

bool is_prunable(const Element& element) {
  if (is_furniture(element)) return true;
  if (element.tag == Tag::header || element.tag == Tag::figcaption) return true;
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
  inline_links_.assign(count, 0);
  for (size_t i = 1; i < count; ++i) {
    inline_links_[i] =
        static_cast<uint8_t>(inline_links_[elements[i].parent] != 0 || (elements[i].hints & kHintLinkCluster) != 0);
  }
  good_.assign(count, 0.0f);
  counts_.assign(count, {});
  for (const Block& block : blocks) {
    const bool sentence_like = is_sentence_like(block) && link_density(block) <= kLinkListDensity;
    if (sentence_like) good_[block.element] += static_cast<float>(block.weight);
    counts_[block.element].sentence_like += sentence_like ? 1 : 0;
    counts_[block.element].link_led += is_teaser_title(block) && inline_links_[block.element] == 0 ? 1 : 0;
  }
  for (size_t i = count; i-- > 1;) {
    good_[elements[i].parent] += good_[i];
    counts_[elements[i].parent].sentence_like += counts_[i].sentence_like;
    counts_[elements[i].parent].link_led += counts_[i].link_led;
  }

  furniture_.assign(count, 0);
  const float page_bulk = kBulkShare * good_[0];
  for (size_t i = 1; i < count; ++i) {
    const bool looks_like_furniture = is_furniture(elements[i]) || is_teaser_list(counts_[i]);
    furniture_[i] =
        static_cast<uint8_t>(furniture_[elements[i].parent] != 0 || (looks_like_furniture && good_[i] < page_bulk));
  }

  score_.assign(count, 0.0f);
  for (const Block& block : blocks) {
    const auto weight = static_cast<float>(block.weight);
    const float density = link_density(block);
    float value;
    if (furniture_[block.element] != 0) {
      value = -weight;
    } else if (inline_links_[block.element] != 0) {
      value = 0.0f;  // links set inside a sentence (a tooltip, "see also") say nothing of the text around them
    } else if (is_sentence_like(block) || density > kLinkListDensity) {
      value = weight - 2.0f * counted_link_weight(block);
    } else {
      value = kShortBlockValue * weight;
    }
    score_[block.element] += value;
  }
  for (size_t i = count; i-- > 1;) score_[elements[i].parent] += score_[i];

  // The container holds the bulk of the page's sentence-like text outside furniture: a box of one long text (a
  // notice, a quote, a summary) does not win over the element that holds it and the rest of the prose, when
  // that element's prose is split by headings, data tables and lists (an encyclopedia article).
  prose_.assign(count, 0.0f);
  for (const Block& block : blocks) {
    if (furniture_[block.element] == 0 && inline_links_[block.element] == 0 && is_sentence_like(block) &&
        link_density(block) <= kLinkListDensity) {
      prose_[block.element] += static_cast<float>(block.weight);
    }
  }
  for (size_t i = count; i-- > 1;) prose_[elements[i].parent] += prose_[i];
  const float container_prose = kContainerShare * prose_[0];

  // Without sentence-like text anywhere, nothing tells the content from the rest: the whole page is taken.
  uint32_t container = 0;
  for (uint32_t i = 1; i < count && good_[0] > 0; ++i) {
    if (score_[i] > score_[container] && prose_[i] >= container_prose) container = i;
  }
  const uint32_t container_end = elements[container].end;

  // A table without sentence-like text is data (an info box, a list of results, a timetable) and is kept or
  // dropped whole, so that no stray cells are left: dropped when link text is more than half of it (a table of
  // cross references or a navigation box), else kept with its linked rows.
  text_.assign(count, {});
  for (const Block& block : blocks) {
    text_[block.element].weight += block.weight;
    text_[block.element].link_weight += block.link_weight;
  }
  for (size_t i = count; i-- > 1;) {
    text_[elements[i].parent].weight += text_[i].weight;
    text_[elements[i].parent].link_weight += text_[i].link_weight;
  }
  pruned_.assign(count, 0);
  data_table_.assign(count, 0);
  const float bulk = kBulkShare * good_[container];
  for (uint32_t i = container + 1; i < container_end; ++i) {
    const uint32_t parent = elements[i].parent;
    const bool table = elements[i].tag == Tag::table && good_[i] == 0;
    const bool link_table =
        table && static_cast<float>(text_[i].link_weight) > kLinkListDensity * static_cast<float>(text_[i].weight);
    pruned_[i] =
        static_cast<uint8_t>(pruned_[parent] != 0 || link_table || (is_prunable(elements[i]) && good_[i] < bulk));
    data_table_[i] = static_cast<uint8_t>(data_table_[parent] != 0 || table);
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
    if (link_density(block) > kLinkListDensity && data_table_[block.element] == 0) continue;
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
