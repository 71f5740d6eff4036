#include "stages/normalize/fingerprint_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/scratch_buffer.h"
#include "stages/normalize/icu_util.h"

namespace corpusflow {
namespace {

constexpr UChar32 kTatweel = 0x0640;

// Appends the fingerprint form of one code point of the decomposed case fold.
void append_mapped(UChar32 c, std::string& out) {
  if (c == kTatweel) return;
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR: return;
    case U_DECIMAL_DIGIT_NUMBER: out.push_back('0'); return;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
    case U_SURROGATE: out.push_back(' '); return;
    default: break;
  }
  switch (c) {
    case 0x0671: c = 0x0627; break;  // ٱ alef wasla -> ا
    case 0x0649: c = 0x064A; break;  // ى alef maksura -> ي
    case 0x0629: c = 0x0647; break;  // ة teh marbuta -> ه
    default: break;
  }
  icu_util::append_utf8(c, out);
}

// Fingerprint form of valid UTF-8 `src`, before spaces are collapsed: fold, map, recompose.
void append_folded_run(std::string_view src, std::string& out) {
  thread_local std::string decomposed;
  thread_local std::string mapped;
  decomposed.clear();
  mapped.clear();
  icu_util::append_normalized(icu_util::nfkc_casefold_decompose(), src, decomposed);
  for (int32_t i = 0, n = static_cast<int32_t>(decomposed.size()); i < n;) {
    UChar32 c;
    U8_NEXT_UNSAFE(decomposed.data(), i, c);
    append_mapped(c, mapped);
  }
  icu_util::append_normalized(icu_util::nfc(), mapped, out);
  trim_scratch(decomposed);
  trim_scratch(mapped);
}

// Collapses runs of ' ' to one and trims them at both ends, in place. Branch-free: every byte is written and
// the write position advances unless the byte is a space after a space or at the start.
void collapse_spaces(std::string& text) {
  char* data = text.data();
  const size_t n = text.size();
  size_t write = 0;
  bool after_space = true;
  for (size_t i = 0; i < n; ++i) {
    const char ch = data[i];
    const bool space = ch == ' ';
    data[write] = ch;
    write += static_cast<size_t>(!(space & after_space));
    after_space = space;
  }
  if (write > 0 && data[write - 1] == ' ') --write;
  text.resize(write);
}

// Per-code-point result for the Basic Multilingual Plane, computed once with append_folded_run(). A
// character is `slow` when its result may depend on its neighbours (it composes with what precedes it)
// or does not fit the entry; such characters go through ICU with their context.
struct Entry {
  uint8_t length = 0;
  bool slow = false;
  bool space = false;      // the result is " "
  bool has_space = false;  // the result is longer and holds a ' '
  char bytes[6] = {};
};

class BmpTable {
 public:
  BmpTable() {
    const icu::Normalizer2& fold = icu_util::nfkc_casefold();
    std::string src;
    std::string folded;
    for (UChar32 c = 0; c < 0x10000; ++c) {
      Entry& entry = entries_[static_cast<size_t>(c)];
      if (U_IS_SURROGATE(c)) {
        entry.slow = true;
        continue;
      }
      src.clear();
      folded.clear();
      icu_util::append_utf8(c, src);
      append_folded_run(src, folded);
      if (folded.size() > sizeof(entry.bytes) || (!folded.empty() && !fold.hasBoundaryBefore(c))) {
        entry.slow = true;
        continue;
      }
      entry.length = static_cast<uint8_t>(folded.size());
      std::memcpy(entry.bytes, folded.data(), folded.size());
      entry.space = folded == " ";
      entry.has_space = folded.size() > 1 && folded.find(' ') != std::string::npos;
      const size_t source_length = static_cast<size_t>(U8_LENGTH(c));
      growth_ = std::max(growth_, (folded.size() + source_length - 1) / source_length);
    }
  }
  const Entry& operator[](UChar32 c) const { return entries_[static_cast<size_t>(c)]; }
  // Most bytes a fast result has per byte of its input (an invalid byte becomes one space).
  size_t growth() const { return growth_; }

 private:
  std::array<Entry, 0x10000> entries_;
  size_t growth_ = 1;
};

const BmpTable& bmp_table() {
  static const std::unique_ptr<BmpTable> table = std::make_unique<BmpTable>();
  return *table;
}

// The entries of the code points below U+0800 (ASCII and the two-byte scripts: Latin, Greek, Cyrillic,
// Armenian, Hebrew, Arabic, Syriac, Thaana, N'Ko) in 8 bytes each, 16 KiB that stay in the L1 cache.
struct SmallEntry {
  char bytes[4];
  uint8_t length;
  uint8_t kind;
  bool ends_in_space;  // the last byte of `bytes` is ' '
};
constexpr uint8_t kPlain = 0;       // `bytes`
constexpr uint8_t kSpace = 1;       // " "
constexpr uint8_t kHasSpace = 2;    // `bytes`, holding a ' '
constexpr uint8_t kLargeEntry = 3;  // slow, or a result of more than 4 bytes: see the BmpTable
constexpr UChar32 kSmallEnd = 0x800;

class SmallTable {
 public:
  explicit SmallTable(const BmpTable& table) {
    for (UChar32 c = 0; c < kSmallEnd; ++c) {
      const Entry& entry = table[c];
      SmallEntry& small = entries_[static_cast<size_t>(c)];
      if (entry.slow || entry.length > sizeof small.bytes) {
        small.kind = kLargeEntry;
        continue;
      }
      std::memcpy(small.bytes, entry.bytes, sizeof small.bytes);
      small.length = entry.length;
      small.kind = entry.space ? kSpace : entry.has_space ? kHasSpace : kPlain;
      small.ends_in_space = entry.length > 0 && entry.bytes[entry.length - 1] == ' ';
    }
  }
  const SmallEntry& operator[](UChar32 c) const { return entries_[static_cast<size_t>(c)]; }

 private:
  std::array<SmallEntry, kSmallEnd> entries_{};
};

const SmallTable& small_table() {
  static const std::unique_ptr<SmallTable> table = std::make_unique<SmallTable>(bmp_table());
  return *table;
}

}  // namespace

void fingerprint_text_reference(std::string_view text, std::string& out) {
  out.clear();
  std::string valid;
  valid.reserve(text.size());
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    icu_util::append_utf8(c < 0 ? 0xFFFD : c, valid);
  }
  append_folded_run(valid, out);
  collapse_spaces(out);
}

void fingerprint_text(std::string_view text, std::string& out) {
  const BmpTable& table = bmp_table();
  const SmallTable& small = small_table();
  // Fast results are written straight into `out`, kept at least growth * (bytes left) + kSlack bytes larger
  // than `size`, so that no write needs a check.
  constexpr size_t kSlack = 16;
  const size_t growth = table.growth();
  out.resize(growth * text.size() + kSlack);
  size_t size = 0;
  const char* data = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  // Where the last character with a non-empty fast result began, in the input and in `out`: a slow run that
  // may compose with what precedes it starts again from there.
  int32_t last_fast_start = -1;
  size_t last_fast_out = 0;
  // A single-space result is not written at the start nor after a space; the spaces left need a full
  // collapse only when a slow run or a longer result may have written some.
  bool needs_collapse = false;
  int32_t i = 0;
  while (i < n) {
    // The common case: a run of ASCII and two-byte characters with small entries, without branches on what
    // each one writes.
    {
      char* const buffer = out.data();
      bool after_space = size == 0 || buffer[size - 1] == ' ';
      while (i < n) {
        const auto lead = static_cast<unsigned char>(data[i]);
        UChar32 c;
        int32_t length;
        if (lead < 0x80) {
          c = lead;
          length = 1;
        } else if (lead >= 0xC2 && lead < 0xE0 && i + 1 < n &&
                   (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80) {
          c = ((lead & 0x1F) << 6) | (static_cast<unsigned char>(data[i + 1]) & 0x3F);
          length = 2;
        } else {
          break;
        }
        const SmallEntry& entry = small[c];
        if (entry.kind == kLargeEntry) break;
        std::memcpy(buffer + size, entry.bytes, sizeof entry.bytes);
        const bool space = entry.kind == kSpace;
        const bool written = entry.length != 0;
        last_fast_start = written ? i : last_fast_start;
        last_fast_out = written ? size : last_fast_out;
        size += space ? static_cast<size_t>(!after_space) : entry.length;
        after_space = space || (written ? entry.ends_in_space : after_space);
        needs_collapse |= entry.kind == kHasSpace;
        i += length;
      }
      if (i >= n) break;
    }
    const int32_t start = i;
    const auto byte = static_cast<unsigned char>(data[i]);
    UChar32 c;
    if (byte < 0x80) {
      c = byte;
      ++i;
    } else if (byte >= 0xC2 && byte < 0xE0 && i + 1 < n && (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80) {
      c = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(data[i + 1]) & 0x3F);
      i += 2;
    } else {
      U8_NEXT(data, i, n, c);
    }
    if (c < 0) {
      out[size] = ' ';
      size += static_cast<size_t>(size > 0 && out[size - 1] != ' ');
      last_fast_start = -1;
      continue;
    }
    if (c < 0x10000 && !table[c].slow) {
      const Entry& entry = table[c];
      if (entry.length != 0) {
        last_fast_start = start;
        last_fast_out = size;
        std::memcpy(out.data() + size, entry.bytes, sizeof entry.bytes);
        if (entry.space) {
          size += static_cast<size_t>(size > 0 && out[size - 1] != ' ');
        } else {
          size += entry.length;
          needs_collapse |= entry.has_space;
        }
      }
      continue;
    }
    needs_collapse = true;
    int32_t run_start = start;
    if (last_fast_start >= 0 && !icu_util::nfkc_casefold().hasBoundaryBefore(c)) {
      run_start = last_fast_start;
      size = last_fast_out;
    }
    int32_t run_end = i;
    while (run_end < n) {
      int32_t next = run_end;
      UChar32 d;
      U8_NEXT(data, next, n, d);
      if (d < 0 || (d < 0x10000 && !table[d].slow)) break;
      run_end = next;
    }
    out.resize(size);
    append_folded_run(std::string_view(data + run_start, static_cast<size_t>(run_end - run_start)), out);
    size = out.size();
    out.resize(size + growth * static_cast<size_t>(n - run_end) + kSlack);
    last_fast_start = -1;
    i = run_end;
  }
  out.resize(size);
  if (needs_collapse) {
    collapse_spaces(out);
  } else if (size > 0 && out[size - 1] == ' ') {
    out.pop_back();
  }
}

std::string fingerprint_text(std::string_view text) {
  std::string out;
  fingerprint_text(text, out);
  return out;
}

}  // namespace corpusflow
