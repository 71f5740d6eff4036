#include "stages/normalize/script_detector.h"

#include <array>
#include <bit>
#include <cstdint>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace corpusflow {
namespace {

constexpr uint8_t kNotCounted = 255;

uint8_t compute_script(UChar32 c) {
  if (!u_isalpha(c)) return kNotCounted;
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &error);
  if (U_FAILURE(error) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script < 0 ||
      script >= kNotCounted) {
    return kNotCounted;
  }
  return static_cast<uint8_t>(script);
}

// Script of each BMP letter, kNotCounted for the rest, computed once.
class ScriptTable {
 public:
  ScriptTable() {
    for (UChar32 c = 0; c < 0x10000; ++c) scripts_[static_cast<size_t>(c)] = compute_script(c);
  }
  uint8_t operator[](UChar32 c) const { return scripts_[static_cast<size_t>(c)]; }

 private:
  std::array<uint8_t, 0x10000> scripts_;
};

const ScriptTable& script_table() {
  static const std::unique_ptr<ScriptTable> table = std::make_unique<ScriptTable>();
  return *table;
}

#if defined(__SSE2__)
// From `i`, counts whole 16-byte blocks of ASCII and complete two-byte sequences (a block ending in a lead
// byte is counted but for it): ASCII letters as Latin, each two-byte character by the table. Returns where it
// stopped.
size_t count_simple_blocks(const unsigned char* data, size_t i, size_t n, const ScriptTable& table,
                           std::array<uint64_t, 256>& counts) {
  const __m128i upper_a = _mm_set1_epi8('A' - 1);
  const __m128i upper_z = _mm_set1_epi8('Z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i above_continuation = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i before_lead = _mm_set1_epi8(static_cast<char>(0xC1));
  const __m128i after_lead = _mm_set1_epi8(static_cast<char>(0xE0));
  uint64_t latin = 0;
  while (i + 16 <= n) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const auto ascii_mask = static_cast<uint32_t>(~_mm_movemask_epi8(bytes) & 0xFFFF);
    const auto continuation_mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, above_continuation)));
    const auto lead_mask = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(bytes, before_lead), _mm_cmplt_epi8(bytes, after_lead))));
    if ((ascii_mask | continuation_mask | lead_mask) != 0xFFFF) break;
    if (continuation_mask != ((lead_mask << 1) & 0xFFFF)) break;
    // ASCII letters: a-z once case is folded (signed compares; non-ASCII bytes are negative and fail).
    const __m128i folded = _mm_or_si128(bytes, case_bit);
    const __m128i letters = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_or_si128(upper_a, case_bit)),
                                          _mm_cmplt_epi8(folded, _mm_or_si128(upper_z, case_bit)));
    const bool cut = (lead_mask & 0x8000) != 0;
    latin += static_cast<uint64_t>(std::popcount(static_cast<uint32_t>(_mm_movemask_epi8(letters)) & ascii_mask));
    for (uint32_t leads = lead_mask & 0x7FFF; leads != 0; leads &= leads - 1) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(leads));
      ++counts[table[static_cast<UChar32>(((data[at] & 0x1F) << 6) | (data[at + 1] & 0x3F))]];
    }
    i += cut ? 15 : 16;
  }
  counts[USCRIPT_LATIN] += latin;
  return i;
}
#endif

}  // namespace

std::string dominant_script(std::string_view utf8_text) {
  const ScriptTable& table = script_table();
  // Two tallies, used in turn, so that consecutive letters of one script do not wait on each other's count.
  std::array<std::array<uint64_t, 256>, 2> tallies{};
  size_t turn = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(utf8_text.data());
  const size_t n = utf8_text.size();
  [[maybe_unused]] size_t next_block = 0;  // where blocks are tried again after one that could not be counted
  for (size_t i = 0; i < n;) {
#if defined(__SSE2__)
    if (i >= next_block) {
      const size_t counted = count_simple_blocks(data, i, n, table, tallies[0]);
      next_block = counted + 16;
      i = counted;
      if (i >= n) break;
    }
#endif
    // ASCII and two-byte characters without a branch between them; the rest through ICU's decoder.
    const unsigned lead = data[i];
    const unsigned trail = i + 1 < n ? data[i + 1] : 0;
    const bool two = lead >= 0xC2 && lead < 0xE0 && (trail & 0xC0) == 0x80;
    UChar32 c;
    if (lead < 0x80 || two) {
      c = two ? static_cast<UChar32>(((lead & 0x1F) << 6) | (trail & 0x3F)) : static_cast<UChar32>(lead);
      i += two ? 2 : 1;
    } else {
      auto at = static_cast<int32_t>(i);
      U8_NEXT(data, at, static_cast<int32_t>(n), c);
      i = static_cast<size_t>(at);
      if (c < 0) continue;
    }
    ++tallies[turn][c < 0x10000 ? table[c] : compute_script(c)];
    turn ^= 1;
  }
  std::array<uint64_t, 256> counts;
  for (size_t script = 0; script < counts.size(); ++script) counts[script] = tallies[0][script] + tallies[1][script];
  counts[kNotCounted] = 0;
  size_t best = kNotCounted;
  for (size_t script = 0; script < kNotCounted; ++script) {
    if (counts[script] > 0 && (best == kNotCounted || counts[script] > counts[best])) best = script;
  }
  if (best == kNotCounted) return "Zyyy";
  const uint64_t kana = counts[USCRIPT_HIRAGANA] + counts[USCRIPT_KATAKANA];
  if (kana > 0 && (best == USCRIPT_HAN || best == USCRIPT_HIRAGANA || best == USCRIPT_KATAKANA)) return "Jpan";
  return uscript_getShortName(static_cast<UScriptCode>(best));
}

}  // namespace corpusflow
