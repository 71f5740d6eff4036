#include "stages/normalize/text_cleaner.h"

#include <array>
#include <bit>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "stages/normalize/cleaned_lines.h"
#include "stages/normalize/icu_util.h"

namespace corpusflow {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;
constexpr UChar32 kPresentationA = 0xFB50, kPresentationAEnd = 0xFDFF;
constexpr UChar32 kPresentationB = 0xFE70, kPresentationBEnd = 0xFEFE;

bool is_presentation_form(UChar32 c) {
  return (c >= kPresentationA && c <= kPresentationAEnd) || (c >= kPresentationB && c <= kPresentationBEnd);
}

// NFKC of each Arabic presentation form, computed once.
class PresentationForms {
 public:
  PresentationForms() {
    std::string src;
    for (UChar32 c = kPresentationA; c <= kPresentationBEnd; ++c) {
      if (!is_presentation_form(c)) continue;
      src.clear();
      icu_util::append_utf8(c, src);
      icu_util::append_normalized(icu_util::nfkc(), src, forms_[index(c)]);
    }
  }
  const std::string& operator[](UChar32 c) const { return forms_[index(c)]; }

 private:
  static size_t index(UChar32 c) { return static_cast<size_t>(c - kPresentationA); }
  std::array<std::string, kPresentationBEnd - kPresentationA + 1> forms_;
};

const PresentationForms& presentation_forms() {
  static const std::unique_ptr<PresentationForms> forms = std::make_unique<PresentationForms>();
  return *forms;
}

// A valid code point at or above U+0080 that is written as it is: not a control, junk, tatweel, line break,
// space or presentation form.
bool is_plain(UChar32 c) {
  if (c < 0x1680) return c > 0xA0 && c != 0xAD && c != 0x0640;
  if (c < 0x3001) {
    return c != 0x1680 && c != 0x180E && (c < 0x2000 || c > 0x200B) && c != 0x2028 && c != 0x2029 && c != 0x202F &&
           (c < 0x205F || c > 0x2064) && c != 0x3000;
  }
  return !is_presentation_form(c) && c != 0xFEFF;
}

// Per BMP code point: its canonical combining class, whether it may change under NFC (NFC_Quick_Check No
// or Maybe), and whether it is plain.
class NfcQuickCheck {
 public:
  NfcQuickCheck() {
    for (UChar32 c = 0; c < 0x10000; ++c) {
      const auto quick_check = static_cast<UNormalizationCheckResult>(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK));
      entries_[static_cast<size_t>(c)] =
          static_cast<uint16_t>(u_getCombiningClass(c) | (quick_check == UNORM_YES ? 0 : kUnsure) |
                                (c >= 0x80 && !U_IS_SURROGATE(c) && is_plain(c) ? kPlain : 0));
    }
  }
  static constexpr uint16_t kUnsure = 0x100;
  static constexpr uint16_t kPlain = 0x200;  // see is_plain()
  uint16_t operator[](UChar32 c) const { return entries_[static_cast<size_t>(c)]; }

 private:
  std::array<uint16_t, 0x10000> entries_;
};

const NfcQuickCheck& nfc_quick_check() {
  static const std::unique_ptr<NfcQuickCheck> table = std::make_unique<NfcQuickCheck>();
  return *table;
}

// Code points below U+0800 that a run may hold without a second look: plain, combining class 0, NFC quick
// check Yes. 2 KiB, for the 16-byte blocks.
class SimpleTwoByte {
 public:
  explicit SimpleTwoByte(const NfcQuickCheck& quick_check) {
    for (UChar32 c = 0x80; c < 0x800; ++c) {
      const uint16_t entry = quick_check[c];
      simple_[static_cast<size_t>(c)] =
          (entry & NfcQuickCheck::kPlain) != 0 && (entry & NfcQuickCheck::kUnsure) == 0 && (entry & 0xFF) == 0;
    }
  }
  bool operator[](UChar32 c) const { return simple_[static_cast<size_t>(c)]; }

 private:
  std::array<bool, 0x800> simple_{};
};

const SimpleTwoByte& simple_two_byte() {
  static const std::unique_ptr<SimpleTwoByte> table = std::make_unique<SimpleTwoByte>(nfc_quick_check());
  return *table;
}

#if defined(__SSE2__)
// From `i`, skips whole 16-byte blocks that a run may hold as they are: printable ASCII, spaces each followed by
// a visible character of the block (and, at the run's start, no space), and complete two-byte sequences of
// simple code points. The last byte of a skipped block is visible, with combining class 0. Returns where it
// stopped; sets saw_high when a skipped character is at or above U+0300.
int32_t skip_simple_blocks(const char* data, int32_t i, int32_t n, int32_t run_start, const SimpleTwoByte& simple,
                           bool& saw_high) {
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i below_visible = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i above_continuation = _mm_set1_epi8(static_cast<char>(0xC0));  // signed: continuation < 0xC0
  const __m128i before_lead = _mm_set1_epi8(static_cast<char>(0xC1));
  const __m128i after_lead = _mm_set1_epi8(static_cast<char>(0xE0));
  while (i + 16 <= n) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    // Signed compares: bytes 0x80..0xFF are negative.
    const __m128i ascii_visible = _mm_and_si128(_mm_cmpgt_epi8(bytes, below_visible), _mm_cmplt_epi8(bytes, del));
    const __m128i spaces = _mm_cmpeq_epi8(bytes, space);
    const __m128i continuation = _mm_cmplt_epi8(bytes, above_continuation);
    const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(bytes, before_lead), _mm_cmplt_epi8(bytes, after_lead));
    const auto visible_mask = static_cast<uint32_t>(_mm_movemask_epi8(ascii_visible));
    const auto space_mask = static_cast<uint32_t>(_mm_movemask_epi8(spaces));
    const auto continuation_mask = static_cast<uint32_t>(_mm_movemask_epi8(continuation));
    const auto lead_mask = static_cast<uint32_t>(_mm_movemask_epi8(lead));
    if ((visible_mask | space_mask | continuation_mask | lead_mask) != 0xFFFF) break;
    // A block that ends in a lead byte or a space is skipped but for that byte, which starts the next one.
    const bool cut = ((lead_mask | space_mask) & 0x8000) != 0;
    if (continuation_mask != ((lead_mask << 1) & 0xFFFF)) break;
    if ((space_mask & (space_mask >> 1)) != 0) break;
    if (i == run_start && (space_mask & 1) != 0) break;
    bool all_simple = true;
    bool high = false;
    for (uint32_t leads = lead_mask & (cut ? 0x7FFF : 0xFFFF); leads != 0; leads &= leads - 1) {
      const int at = std::countr_zero(leads);
      const UChar32 c = ((static_cast<unsigned char>(data[i + at]) & 0x1F) << 6) |
                        (static_cast<unsigned char>(data[i + at + 1]) & 0x3F);
      all_simple &= simple[c];
      high |= c >= 0x300;
    }
    if (!all_simple) break;
    saw_high |= high;
    i += cut ? 15 : 16;
  }
  return i;
}
#endif

bool is_removed_junk(UChar32 c) {
  return (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xAD || c == 0x180E || c == 0x200B ||
         (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

bool is_line_break(UChar32 c) { return c == 0x85 || c == 0x2028 || c == 0x2029; }

bool is_unicode_space(UChar32 c) {
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Builds the output line by line: whitespace is held back until a visible character follows it on the same
// line, line breaks until the next line has content.
class LineWriter {
 public:
  LineWriter(std::string& out, bool single_line) : out_(out), single_line_(single_line) {}

  void space() {
    if (!pending_space_.empty() && pending_space_.back() == ' ') return;
    pending_space_.push_back(' ');
  }
  void whitespace(const char* bytes, size_t length) { pending_space_.append(bytes, length); }
  void line_break() {
    ++breaks_;
    if (single_line_) {
      space();
      return;
    }
    pending_space_.clear();
    if (line_has_content_ || pending_breaks_ > 0) ++pending_breaks_;
    line_has_content_ = false;
  }
  void visible(const char* bytes, size_t length) {
    before_visible();
    out_.append(bytes, length);
  }
  // The same for bytes the output already holds, at [position, position + length).
  void visible_again(size_t position, size_t length) {
    before_visible();
    out_.append(out_, position, length);
  }
  uint64_t breaks() const { return breaks_; }  // line breaks met so far
  bool line_has_content() const { return line_has_content_; }
  size_t content_start() const { return content_start_; }  // where this line's visible content began in out
  void visible(char ch) { visible(&ch, 1); }
  void visible_code_point(UChar32 c) {
    char buffer[4];
    size_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    visible(buffer, length);
  }

 private:
  void before_visible() {
    if (!line_has_content_) {
      pending_space_.clear();
      if (!out_.empty()) out_.append(pending_breaks_ > 1 ? "\n\n" : "\n");
      pending_breaks_ = 0;
      line_has_content_ = true;
      content_start_ = out_.size();
    } else if (!pending_space_.empty()) {
      out_ += pending_space_;
      pending_space_.clear();
    }
  }

  std::string& out_;
  bool single_line_;
  std::string pending_space_;
  int pending_breaks_ = 0;
  bool line_has_content_ = false;
  uint64_t breaks_ = 0;
  size_t content_start_ = 0;
};

void write_code_point(UChar32 c, const char* bytes, size_t length, const CleanOptions& options, LineWriter& writer,
                      CleanCounts& counts);

void write_presentation_form(UChar32 c, const CleanOptions& options, LineWriter& writer, CleanCounts& counts) {
  const std::string& form = presentation_forms()[c];
  for (int32_t i = 0, n = static_cast<int32_t>(form.size()); i < n;) {
    const int32_t start = i;
    UChar32 d;
    U8_NEXT_UNSAFE(form.data(), i, d);
    const auto length = static_cast<size_t>(i - start);
    // A form whose NFKC is itself (U+FD3E ORNATE PARENTHESIS, U+FDFD, noncharacters, unassigned code points)
    // is written as it is: NFKC is idempotent, so nothing in `form` needs replacing again.
    if (is_presentation_form(d)) {
      writer.visible(form.data() + start, length);
    } else {
      write_code_point(d, form.data() + start, length, options, writer, counts);
    }
  }
}

// A code point at or above U+0080.
void write_code_point(UChar32 c, const char* bytes, size_t length, const CleanOptions& options, LineWriter& writer,
                      CleanCounts& counts) {
  if (c < 0x80) {
    if (c == ' ') {
      writer.space();
    } else if (c == '\t') {
      writer.whitespace(bytes, length);
    } else if (c == '\n') {
      writer.line_break();
    } else if (c < 0x20 || c == 0x7F) {
      ++counts.controls_removed;
    } else {
      writer.visible(static_cast<char>(c));
    }
  } else if (is_removed_junk(c)) {
    ++counts.controls_removed;
  } else if (c == 0x0640 && options.remove_tatweel) {
    ++counts.tatweel_removed;
  } else if (is_line_break(c)) {
    writer.line_break();
  } else if (is_unicode_space(c)) {
    writer.whitespace(bytes, length);
  } else if (is_presentation_form(c)) {
    write_presentation_form(c, options, writer, counts);
  } else {
    writer.visible(bytes, length);
  }
}

template <bool kBlocks>
void clean(std::string_view text, const CleanOptions& options, std::string& out, CleanCounts& counts) {
  out.clear();
  out.reserve(text.size());
  const NfcQuickCheck& quick_check = nfc_quick_check();
  LineWriter writer(out, options.single_line);
  const char* data = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  // NFC is certain when every code point written as it is passes the quick check in canonical order and
  // nothing else at or above U+0300 was met; otherwise ICU decides.
  // These three are the current line's when lines are looked up; folded into the any_ ones at each line start.
  bool nfc_unsure = false;
  bool saw_special = false;
  bool saw_high = false;
  bool any_nfc_unsure = false;
  bool any_saw_special = false;
  bool any_saw_high = false;
  uint16_t last_class = 0;
  int32_t i = 0;
  [[maybe_unused]] const SimpleTwoByte& simple = simple_two_byte();
  // A line with the bytes of an earlier one is written again from the output (kBlocks, texts of many lines).
  thread_local CleanedLines cleaned_lines;
  const bool look_up_lines = kBlocks && !options.single_line;
  if (look_up_lines) cleaned_lines.reset(data);
  bool at_line_start = true;
  CleanedLine line;  // the line being cleaned, when it is to be kept (line.end != 0)
  uint32_t line_repairs = 0;
  uint64_t line_breaks = 0;
  while (i < n) {
    if (at_line_start) {
      at_line_start = false;
      any_nfc_unsure |= nfc_unsure;
      any_saw_special |= saw_special;
      any_saw_high |= saw_high;
      nfc_unsure = saw_special = saw_high = false;
      line.end = 0;
      if (look_up_lines) {
        const auto* newline = static_cast<const char*>(std::memchr(data + i, '\n', static_cast<size_t>(n - i)));
        const int32_t end = newline == nullptr ? n : static_cast<int32_t>(newline - data);
        if (end - i >= CleanedLines::kMinLineBytes) {
          const uint64_t hash = XXH3_64bits(data + i, static_cast<size_t>(end - i));
          if (const CleanedLine* seen = cleaned_lines.find(hash, i, end)) {
            writer.visible_again(seen->out_begin, seen->out_length);
            nfc_unsure = seen->nfc_unsure;
            saw_special = seen->saw_special;
            saw_high = seen->saw_high;
            counts.controls_removed += seen->controls_removed;
            counts.tatweel_removed += seen->tatweel_removed;
            last_class = 0;
            i = end;  // its '\n' is read as usual
            continue;
          }
          line = CleanedLine{.hash = hash, .begin = i, .end = end};
          line.controls_removed = counts.controls_removed;
          line.tatweel_removed = counts.tatweel_removed;
          line_repairs = counts.utf8_repairs;
          line_breaks = writer.breaks();
        }
      }
    }
    // The common case: a run of printable ASCII and plain characters, written at once.
    const int32_t run_start = i;
    [[maybe_unused]] int32_t next_block = i;  // where blocks are tried again after one that could not be skipped
    while (i < n) {
#if defined(__SSE2__)
      if constexpr (kBlocks) {
        if (i >= next_block) {
          const int32_t skipped = skip_simple_blocks(data, i, n, run_start, simple, saw_high);
          if (skipped > i) {
            i = skipped;
            last_class = 0;
            continue;
          }
          next_block = i + 16;
        }
      }
#endif
      const auto byte = static_cast<unsigned char>(data[i]);
      if (byte > 0x20 && byte < 0x7F) {
        last_class = 0;
        ++i;
        continue;
      }
      // A single space between two visible characters stays in the run; a space that ends the run is
      // given back below.
      if (byte == ' ' && i > run_start && i + 1 < n && static_cast<unsigned char>(data[i + 1]) > 0x20 &&
          data[i + 1] != 0x7F) {
        last_class = 0;
        ++i;
        continue;
      }
      if (byte < 0x80) break;
      UChar32 c;
      int32_t next = i;
      if (byte >= 0xC2 && byte < 0xE0 && i + 1 < n && (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80) {
        c = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(data[i + 1]) & 0x3F);
        next = i + 2;
      } else {
        U8_NEXT(data, next, n, c);
        if (c < 0) break;
      }
      if (c >= 0x10000) {
        if (!is_plain(c)) break;
        saw_high = true;
        nfc_unsure = true;
        i = next;
        continue;
      }
      const uint16_t entry = quick_check[c];
      if ((entry & NfcQuickCheck::kPlain) == 0) break;
      const uint16_t combining_class = entry & 0xFF;
      if ((entry & NfcQuickCheck::kUnsure) != 0 || (combining_class != 0 && combining_class < last_class)) {
        nfc_unsure = true;
      }
      saw_high |= c >= 0x300;
      last_class = combining_class;
      i = next;
    }
    if (i > run_start && data[i - 1] == ' ') --i;
    if (i > run_start) writer.visible(data + run_start, static_cast<size_t>(i - run_start));
    if (i >= n) break;
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte < 0x80) {
      if (byte == '\r') {
        writer.line_break();
        ++i;
        if (i < n && data[i] == '\n') ++i;
        continue;
      }
      if (byte != ' ' && byte != '\n' && byte != '\t') saw_special = true;
      if (byte == '\n' && look_up_lines) {
        if (line.end == i && counts.utf8_repairs == line_repairs && writer.breaks() == line_breaks &&
            writer.line_has_content()) {
          line.out_begin = writer.content_start();
          line.out_length = out.size() - line.out_begin;
          line.nfc_unsure = nfc_unsure;
          line.saw_special = saw_special;
          line.saw_high = saw_high;
          line.controls_removed = counts.controls_removed - line.controls_removed;
          line.tatweel_removed = counts.tatweel_removed - line.tatweel_removed;
          cleaned_lines.add(line);
        }
        at_line_start = true;
      }
      last_class = 0;
      write_code_point(byte, data + i, 1, options, writer, counts);
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c < 0) {
      if (counts.utf8_repairs == 0) counts.first_invalid_offset = static_cast<uint64_t>(start);
      ++counts.utf8_repairs;
      counts.invalid_bytes += static_cast<uint64_t>(i - start);
      last_class = 0;  // U+FFFD: a starter that passes the quick check
      writer.visible_code_point(kReplacement);
      continue;
    }
    if (c >= 0x300) saw_high = true;
    // The quick check goes on over the code points written. A removed one joins its neighbours (the class
    // before it stays the last); a line break, space or visible tatweel is a starter that combines with
    // nothing, and a space trimmed away leaves a line break or nothing before what follows. The rest
    // (presentation forms, spaces that NFC changes) leave the answer to ICU.
    const bool removed = is_removed_junk(c) || (c == 0x0640 && options.remove_tatweel);
    const bool starter = !removed && (c == 0x0640 || is_line_break(c) ||
                                      (is_unicode_space(c) && (quick_check[c] & NfcQuickCheck::kUnsure) == 0));
    if (!removed && !starter) saw_special = true;
    if (!removed) last_class = 0;
    write_code_point(c, data + start, static_cast<size_t>(i - start), options, writer, counts);
  }
  nfc_unsure |= any_nfc_unsure;
  saw_special |= any_saw_special;
  saw_high |= any_saw_high;
  if (!saw_high || !(nfc_unsure || saw_special)) return;
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2& nfc = icu_util::nfc();
  if (nfc.isNormalizedUTF8(icu::StringPiece(out.data(), static_cast<int32_t>(out.size())), error) && U_SUCCESS(error)) {
    return;
  }
  std::string composed;
  composed.reserve(out.size());
  icu_util::append_normalized(nfc, out, composed);
  out.swap(composed);
}

}  // namespace

void clean_text(std::string_view text, const CleanOptions& options, std::string& out, CleanCounts& counts) {
  clean<true>(text, options, out, counts);
}

void clean_text_scalar(std::string_view text, const CleanOptions& options, std::string& out, CleanCounts& counts) {
  clean<false>(text, options, out, counts);
}

}  // namespace corpusflow
