#include "stages/filter/text_spans.h"

#include <unicode/uchar.h>

#include <array>
#include <memory>

#include "stages/normalize/tokenizer.h"

namespace corpusflow {
namespace {

enum class CharClass : uint8_t { space, letter, other, symbol };

// What a character is to the rules, from ICU: its class, whether it is a word by itself, whether it ends a
// sentence (Sentence_Terminal), whether it is terminal punctuation (Terminal_Punctuation or Sentence_Terminal).
struct CharInfo {
  CharClass kind = CharClass::other;
  bool alone = false;
  bool terminal = false;
  bool punctuation = false;
  bool upper = false;
};

CharInfo info_from_icu(char32_t c) {
  CharInfo info;
  const auto u = static_cast<UChar32>(c);
  const uint32_t mask = U_MASK(u_charType(u));
  // Controls and format characters join nothing; U+1361 ETHIOPIC WORDSPACE is how Ge'ez script separates words.
  if (c == ' ' || (c >= '\t' && c <= '\r') || u_isUWhiteSpace(u) || (mask & (U_GC_CC_MASK | U_GC_CF_MASK)) != 0 ||
      c == 0x1361) {
    info.kind = CharClass::space;
  } else if (u_hasBinaryProperty(u, UCHAR_ALPHABETIC)) {
    info.kind = CharClass::letter;
  } else if ((mask & (U_GC_P_MASK | U_GC_S_MASK)) != 0) {
    info.kind = CharClass::symbol;
  }
  info.alone = c >= 0x0E00 && is_character_token(c);
  info.terminal = u_hasBinaryProperty(u, UCHAR_S_TERM);
  info.punctuation = info.terminal || u_hasBinaryProperty(u, UCHAR_TERMINAL_PUNCTUATION);
  info.upper = u_tolower(u) != u;
  return info;
}

uint8_t pack(CharInfo info) {
  return static_cast<uint8_t>(static_cast<int>(info.kind) | (info.alone ? 4 : 0) | (info.terminal ? 8 : 0) |
                              (info.punctuation ? 16 : 0) | (info.upper ? 32 : 0));
}
CharInfo unpack(uint8_t bits) {
  return {static_cast<CharClass>(bits & 3), (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0, (bits & 32) != 0};
}

// The Basic Multilingual Plane from ICU once (65,536 lookups, a few milliseconds, one byte each); above it ICU
// each time. tests/filter checks the table against ICU for every code point.
// Made when the program starts, so that a lookup is an array index without a guard.
const std::unique_ptr<const std::array<uint8_t, 0x10000>> kBmp = [] {
  auto made = std::make_unique<std::array<uint8_t, 0x10000>>();
  for (char32_t c = 0; c < 0x10000; ++c) (*made)[c] = pack(info_from_icu(c));
  return made;
}();

inline CharInfo char_info(char32_t c) { return c < 0x10000 ? unpack((*kBmp)[c]) : info_from_icu(c); }

}  // namespace

char32_t decode_code_point(std::string_view text, size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t c = lead & (0x7F >> length);
  for (size_t k = 1; k < length && i + k < text.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return c;
}

void split_spans(std::string_view text, TextSpans& units) {
  units.words.clear();
  units.lines.clear();
  units.chars = 0;
  LineSpan line;
  WordSpan word;
  bool in_word = false;
  auto close_word = [&](uint32_t end) {
    if (!in_word) return;
    word.end = end;
    units.words.push_back(word);
    ++line.word_count;
    in_word = false;
  };
  auto close_line = [&](uint32_t end) {
    close_word(end);
    line.end = end;
    line.blank = line.word_count == 0;
    units.lines.push_back(line);
    line = LineSpan{};
    line.begin = end + 1;
    line.first_word = static_cast<uint32_t>(units.words.size());
  };
  for (size_t i = 0; i < text.size();) {
    const auto at = static_cast<uint32_t>(i);
    const char32_t c = decode_code_point(text, i);
    ++units.chars;
    if (c == '\n') {
      close_line(at);
      continue;
    }
    ++line.chars;
    const CharInfo info = char_info(c);
    const CharClass kind = info.kind;
    if (kind == CharClass::space) {
      close_word(at);
      continue;
    }
    const bool alone = info.alone;
    if (alone) close_word(at);
    if (!in_word) {
      word = WordSpan{};
      word.begin = at;
      word.only_symbols = true;
      in_word = true;
    }
    ++word.chars;
    if (kind == CharClass::letter) word.has_letter = true;
    if (info.upper) word.has_upper = true;
    if (kind != CharClass::symbol) word.only_symbols = false;
    if (alone) close_word(static_cast<uint32_t>(i));
  }
  close_line(static_cast<uint32_t>(text.size()));
}

int char_info_bits(char32_t c) { return pack(char_info(c)); }
int char_info_bits_from_icu(char32_t c) { return pack(info_from_icu(c)); }

bool ends_with_ellipsis(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line.ends_with("...") || line.ends_with("\u2026");
}

bool is_sentence_terminal(char32_t c, std::u32string_view extra) {
  if (c == '.' || c == '!' || c == '?') return true;
  if (c < 0x80) return false;
  return char_info(c).terminal || extra.find(c) != std::u32string_view::npos;
}

bool ends_in_terminal(std::string_view line, std::u32string_view extra, TerminalKind kind) {
  // Walk back over trailing spaces, closing quotes and brackets to the last other character.
  size_t end = line.size();
  while (end > 0) {
    size_t begin = end - 1;
    while (begin > 0 && (static_cast<unsigned char>(line[begin]) & 0xC0) == 0x80) --begin;
    size_t i = begin;
    const char32_t c = decode_code_point(line, i);
    const int8_t type = u_charType(static_cast<UChar32>(c));
    const bool closing = c == '"' || c == '\'' || c == ')' || c == ']' || type == U_END_PUNCTUATION ||
                         type == U_FINAL_PUNCTUATION || u_isUWhiteSpace(static_cast<UChar32>(c));
    if (closing) {
      end = begin;
      continue;
    }
    if (kind == TerminalKind::sentence) return is_sentence_terminal(c, extra);
    return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' ||
           (c >= 0x80 && char_info(c).punctuation) || extra.find(c) != std::u32string_view::npos;
  }
  return false;
}

}  // namespace corpusflow
