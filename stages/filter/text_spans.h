// The words, lines and paragraphs of a cleaned text as the quality rules count them (docs/filters.md,
// "Words and lines"): a word is a run of characters between white space, or one character of a script
// written without spaces; a line is what lies between '\n's, a paragraph what lies between blank lines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace corpusflow {

struct WordSpan {
  uint32_t begin = 0;  // bytes in the text
  uint32_t end = 0;
  uint32_t chars = 0;         // code points
  bool has_letter = false;    // holds an alphabetic character
  bool only_symbols = false;  // punctuation and symbols only: not counted as a word
  bool has_upper = false;     // holds a character that lower-casing changes
};

struct LineSpan {
  uint32_t begin = 0;  // bytes, without the '\n'
  uint32_t end = 0;
  uint32_t chars = 0;
  uint32_t first_word = 0;  // index in words
  uint32_t word_count = 0;  // words of the line, symbol-only ones included
  bool blank = false;       // white space only
};

struct TextSpans {
  std::vector<WordSpan> words;
  std::vector<LineSpan> lines;
  uint32_t chars = 0;  // code points of the whole text, line breaks included
};

// Fills `units` (cleared first) from valid UTF-8 `text`.
void split_spans(std::string_view text, TextSpans& units);

// Decodes the code point at text[i] (valid UTF-8) and advances i.
char32_t decode_code_point(std::string_view text, size_t& i);

// The table split_spans() classifies with, checked against ICU: 0 white space, 1 letter, 2 other, 3 symbol;
// bit 2 a word by itself, bit 3 Sentence_Terminal, bit 4 Terminal_Punctuation or Sentence_Terminal, bit 5
// changed by lower-casing.
int char_info_bits(char32_t c);
int char_info_bits_from_icu(char32_t c);

// Unicode's Sentence_Terminal, or one of `extra`.
bool is_sentence_terminal(char32_t c, std::u32string_view extra);

// What a line must end in: a sentence's end (Sentence_Terminal: C4), or any terminal punctuation (Unicode's
// Terminal_Punctuation, which adds , ; : and their kin in every script, as FineWeb's list does). Spaces, closing
// quotes and brackets at the end are skipped; `extra` counts for both.
enum class TerminalKind : uint8_t { sentence, punctuation };
bool ends_in_terminal(std::string_view line, std::u32string_view extra, TerminalKind kind);
// The line ends in "..." or U+2026, trailing spaces aside.
bool ends_with_ellipsis(std::string_view line);

}  // namespace corpusflow
