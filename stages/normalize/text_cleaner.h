// Text cleaning for the written output: UTF-8 repair, line endings, controls and zero-width junk, Arabic
// presentation forms and tatweel, whitespace and blank lines, then NFC. No repetition repair here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace corpusflow {

struct CleanOptions {
  bool remove_tatweel = true;  // drop U+0640 ARABIC TATWEEL
  bool single_line = false;    // line breaks become spaces (titles)
};

struct CleanCounts {
  uint32_t utf8_repairs = 0;          // maximal invalid subsequences replaced by U+FFFD
  uint64_t invalid_bytes = 0;         // bytes in those subsequences
  uint64_t first_invalid_offset = 0;  // byte offset of the first one in the input; meaningful when utf8_repairs
  uint32_t controls_removed = 0;      // C0 (but tab and line breaks), DEL, C1, BOM and zero-width junk removed
  uint32_t tatweel_removed = 0;
};

// Writes the cleaned form of `text` to `out` (cleared first); adds to `counts`. The result:
// - is valid UTF-8 (each maximal invalid subsequence -> U+FFFD, per the Unicode recommendation), in NFC;
// - has U+FB50..U+FDFF and U+FE70..U+FEFE (Arabic presentation forms) replaced by their NFKC form;
// - has CRLF, CR, NEL, U+2028 and U+2029 as LF; C0 controls but tab and LF, DEL, C1 controls, BOM, U+200B
//   ZERO WIDTH SPACE, U+2060..U+2064 (word joiner, invisible operators), U+00AD SOFT HYPHEN and U+180E
//   removed; ZWNJ/ZWJ and bidi marks kept;
// - has each line trimmed of leading and trailing whitespace (space, tab, Unicode space separators), runs of
//   ASCII spaces collapsed to one, runs of blank lines collapsed to one blank line, and no blank line at
//   either end nor a final newline.
// Reads 16 bytes at a time (SSE2) where they are printable ASCII, single spaces and two-byte characters that
// are written as they are.
void clean_text(std::string_view text, const CleanOptions& options, std::string& out, CleanCounts& counts);

// The same, one character at a time: the scalar twin the tests hold clean_text() to.
void clean_text_scalar(std::string_view text, const CleanOptions& options, std::string& out, CleanCounts& counts);

}  // namespace corpusflow
