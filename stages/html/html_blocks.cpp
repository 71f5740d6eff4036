#include "stages/html/html_blocks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace corpusflow::html {
namespace {

enum AsciiClass : uint8_t { kOther = 0, kWord = 1, kSentencePunctuation = 2, kSpace = 3 };

constexpr std::array<uint8_t, 128> make_ascii_classes() {
  std::array<uint8_t, 128> classes{};
  for (int c = '0'; c <= '9'; ++c) classes[c] = kWord;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kWord;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kWord;
  for (const char c : {'.', ',', ';', ':', '!', '?'}) classes[static_cast<unsigned char>(c)] = kSentencePunctuation;
  for (const char c : {' ', '\t', '\n', '\r', '\f', '\v'}) classes[static_cast<unsigned char>(c)] = kSpace;
  return classes;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = make_ascii_classes();

struct Measure {
  uint32_t weight = 0;
  uint32_t punctuation = 0;
};

uint32_t weight_of_code_point(UChar32 c) {
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3FFFF)) {
    return 3;
  }
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)) return 2;
  return 0;
}

// Adds the weight and punctuation of `size` bytes of valid UTF-8 without whitespace.
void measure(const char* text, size_t size, Measure& into) {
  for (size_t i = 0; i < size;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const uint8_t cls = kAsciiClasses[byte];
      into.weight += cls == kWord ? 1 : 0;
      into.punctuation += cls == kSentencePunctuation ? 1 : 0;
      ++i;
      continue;
    }
    UChar32 c;
    auto position = static_cast<int32_t>(i);
    U8_NEXT(text, position, static_cast<int32_t>(size), c);
    i = static_cast<size_t>(position);
    if (c < 0) continue;
    if (const uint32_t cjk = weight_of_code_point(c); cjk != 0) {
      into.weight += cjk;
      continue;
    }
    const int8_t type = u_charType(c);
    if ((type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) ||
        (type >= U_DECIMAL_DIGIT_NUMBER && type <= U_OTHER_NUMBER)) {
      into.weight += 1;
    } else if (type == U_OTHER_PUNCTUATION &&
               (u_hasBinaryProperty(c, UCHAR_TERMINAL_PUNCTUATION) || c == 0x060C || c == 0x3001 || c == 0xFF0C)) {
      into.punctuation += 1;
    }
  }
}

bool is_block_boundary(const Element& element) { return break_of(element.tag) >= Break::line || element.hints != 0; }

class BlockRenderer {
 public:
  BlockRenderer(const HtmlDocument& document, RenderedText& rendered) : document_(document), rendered_(rendered) {
    rendered_.clear();
    block_tags_.push_back(Tag::other);
  }

  void run() {
    for (const Event& event : document_.events) {
      switch (event.kind) {
        case EventKind::open: open(document_.elements[event.element]); break;
        case EventKind::close: close(document_.elements[event.element]); break;
        case EventKind::text: text(event); break;
      }
    }
    end_block(Break::paragraph);
  }

 private:
  void open(const Element& element) {
    if (element.tag == Tag::br) {
      inline_break('\n');
      return;
    }
    if (element.tag == Tag::a) ++link_depth_;
    if (element.tag == Tag::pre) ++pre_depth_;
    const Break level = break_of(element.tag);
    if (level == Break::cell) inline_break('\t');
    if (is_block_boundary(element)) {
      end_block(std::max(level, Break::line));
      block_tags_.push_back(level >= Break::line ? element.tag : block_tags_.back());
    }
  }

  void close(const Element& element) {
    if (element.tag == Tag::br) return;
    if (element.tag == Tag::a && link_depth_ > 0 && --link_depth_ == 0) in_leading_link_ = false;
    if (element.tag == Tag::pre && pre_depth_ > 0) --pre_depth_;
    if (is_block_boundary(element)) {
      end_block(std::max(break_of(element.tag), Break::line));
      if (block_tags_.size() > 1) block_tags_.pop_back();
    }
  }

  // A break inside the current block; the strongest one wins: line break, then tab, then space.
  void inline_break(char separator) {
    if (!block_open_) return;
    auto rank = [](char c) { return c == '\n' ? 3 : c == '\t' ? 2 : c == ' ' ? 1 : 0; };
    if (rank(separator) > rank(pending_separator_)) pending_separator_ = separator;
  }

  void end_block(Break level) {
    if (block_open_) {
      Block& block = rendered_.blocks.back();
      block.end = static_cast<uint32_t>(rendered_.text.size());
      block.weight = measure_.weight;
      block.punctuation = measure_.punctuation;
      block.link_weight = link_measure_weight_;
      block.leading_link_weight = leading_link_weight_;
      block.link_runs = link_runs_;
      block_open_ = false;
      pending_block_ = Break::none;
    }
    pending_block_ = std::max(pending_block_, level);
  }

  void start_block_if_needed(uint32_t element) {
    if (block_open_) {
      if (pending_separator_ != 0) rendered_.text.push_back(pending_separator_);
      if (pending_separator_ == '\n' || pending_separator_ == '\t') {  // runs are counted per line and cell
        line_link_runs_ = 0;
        last_word_in_link_ = false;
      }
      pending_separator_ = 0;
      return;
    }
    Block block;
    block.begin = static_cast<uint32_t>(rendered_.text.size());
    block.element = element;
    block.before = rendered_.blocks.empty() ? Break::none : std::max(pending_block_, Break::line);
    block.tag = block_tags_.back();
    in_leading_link_ = link_depth_ > 0;
    leading_link_weight_ = 0;
    rendered_.blocks.push_back(block);
    block_open_ = true;
    pending_separator_ = 0;
    measure_ = {};
    link_measure_weight_ = 0;
    link_runs_ = 0;
    line_link_runs_ = 0;
    last_word_in_link_ = false;
  }

  void text(const Event& event) {
    const char* data = document_.text.data() + event.offset;
    const size_t size = event.size;
    size_t i = 0;
    while (i < size) {
      const auto byte = static_cast<unsigned char>(data[i]);
      if (byte < 0x80 && kAsciiClasses[byte] == kSpace) {
        inline_break(pre_depth_ > 0 && byte == '\n' ? '\n' : ' ');
        ++i;
        continue;
      }
      if (byte == 0xC2 && i + 1 < size && static_cast<unsigned char>(data[i + 1]) == 0xA0) {  // no-break space
        inline_break(' ');
        i += 2;
        continue;
      }
      size_t run_end = i + 1;
      while (run_end < size) {
        const auto next = static_cast<unsigned char>(data[run_end]);
        if (next < 0x80 && kAsciiClasses[next] == kSpace) break;
        if (next == 0xC2 && run_end + 1 < size && static_cast<unsigned char>(data[run_end + 1]) == 0xA0) break;
        ++run_end;
      }
      start_block_if_needed(event.element);
      rendered_.text.append(data + i, run_end - i);
      const uint32_t weight_before = measure_.weight;
      measure(data + i, run_end - i, measure_);
      const uint32_t added = measure_.weight - weight_before;
      if (link_depth_ > 0) link_measure_weight_ += added;
      if (in_leading_link_) leading_link_weight_ += added;
      // Links next to each other, or apart only by spaces and punctuation ("A | B", "A, B"), are one run; a word
      // outside links between them starts a new one. A block's count is that of its line (or cell) with the most.
      if (added > 0) {
        if (link_depth_ > 0 && !last_word_in_link_) link_runs_ = std::max(link_runs_, ++line_link_runs_);
        last_word_in_link_ = link_depth_ > 0;
      }
      i = run_end;
    }
  }

  const HtmlDocument& document_;
  RenderedText& rendered_;
  std::vector<Tag> block_tags_;
  Measure measure_;
  uint32_t link_measure_weight_ = 0;
  uint32_t leading_link_weight_ = 0;
  uint32_t link_runs_ = 0;
  uint32_t line_link_runs_ = 0;
  bool last_word_in_link_ = false;
  bool in_leading_link_ = false;
  uint32_t link_depth_ = 0;
  uint32_t pre_depth_ = 0;
  bool block_open_ = false;
  Break pending_block_ = Break::none;
  char pending_separator_ = 0;
};

}  // namespace

void render_blocks(const HtmlDocument& document, RenderedText& rendered) { BlockRenderer(document, rendered).run(); }

void join_blocks(const RenderedText& rendered, const std::vector<uint8_t>& keep, std::string& out) {
  out.clear();
  Break separator = Break::none;
  for (size_t i = 0; i < rendered.blocks.size(); ++i) {
    const Block& block = rendered.blocks[i];
    separator = std::max(separator, block.before);
    if (keep[i] == 0) continue;
    if (!out.empty()) out.append(separator == Break::paragraph ? "\n\n" : "\n");
    out.append(rendered.text, block.begin, block.end - block.begin);
    separator = Break::none;
  }
}

}  // namespace corpusflow::html
