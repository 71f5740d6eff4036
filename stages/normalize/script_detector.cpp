#include "stages/normalize/script_detector.h"

#include <array>
#include <cstdint>
#include <memory>

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

}  // namespace

std::string dominant_script(std::string_view utf8_text) {
  const ScriptTable& table = script_table();
  // Two tallies, used in turn, so that consecutive letters of one script do not wait on each other's count.
  std::array<std::array<uint64_t, 256>, 2> tallies{};
  size_t turn = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(utf8_text.data());
  const size_t n = utf8_text.size();
  for (size_t i = 0; i < n;) {
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
