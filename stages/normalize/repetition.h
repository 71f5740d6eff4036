// Repetition repair inside one document, on its lines' keys (hashes of their fingerprint text), so that copies
// match whatever their spacing, punctuation or diacritics. See remove_repetition() for the rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corpusflow {

// One line of a cleaned text: [begin, end) in the text, without its '\n'.
struct TextLine {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint64_t key = 0;                // hash of the line's fingerprint text; 0 for a blank line
  uint32_t fingerprint_chars = 0;  // code points of the fingerprint text
  uint32_t tokens = 0;             // tokens of the fingerprint text
  bool blank = false;              // empty line (a paragraph break)
  bool removed = false;            // set by remove_repetition()
};

struct RepetitionOptions {
  // A single line whose fingerprint text has at least this many code points is removed when it repeats an
  // earlier line (or the title). Shorter lines are removed only as part of a repeated run or page. Default 40.
  size_t min_repeated_line_chars = 40;
};

// Marks repeated lines `removed`, repeating these steps until nothing changes (always for up to 1,024 lines;
// beyond, at least 16 rounds and at most ~2^20 line visits, a bound only pages built to nest repeats reach):
// 1. a page whose sequence of non-blank line keys has a smallest period p repeating at least twice (a
//    trailing partial copy allowed) keeps its first p non-blank lines;
// 2. otherwise, scanning in order, a run of 2+ consecutive non-blank lines equal to an earlier, non-
//    overlapping run is removed, and so is a long line (see RepetitionOptions) equal to an earlier line or
//    to the title;
// 3. non-blank lines at the top equal to the title (title_key, 0 for no title) are removed.
// Returns the number of non-blank lines removed.
size_t remove_repetition(std::vector<TextLine>& lines, uint64_t title_key, uint32_t title_fingerprint_chars,
                         const RepetitionOptions& options);

// Buffers remove_repetition() reuses from one page to the next (one per thread): no allocation per page once
// they have grown to the longest page's lines.
struct RepetitionScratch {
  std::vector<size_t> kept;
  std::vector<size_t> failure;
  std::vector<uint64_t> pair_keys;
  std::vector<uint32_t> pair_positions;
  std::vector<uint64_t> long_keys;
  std::vector<uint32_t> long_positions;
  void trim();  // frees what an outsized page left
};

size_t remove_repetition(std::vector<TextLine>& lines, uint64_t title_key, uint32_t title_fingerprint_chars,
                         const RepetitionOptions& options, RepetitionScratch& scratch);

}  // namespace corpusflow
