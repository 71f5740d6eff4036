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
  std::array<uint64_t, 256> counts{};
  // Consecutive letters mostly share a script: count them in registers, flushing on a change of script.
  uint64_t latin = 0;
  uint8_t current = kNotCounted;
  uint64_t run = 0;
  const char* data = utf8_text.data();
  const int32_t n = static_cast<int32_t>(utf8_text.size());
  for (int32_t i = 0; i < n;) {
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte < 0x80) {
      ++i;
      latin += (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
      continue;
    }
    UChar32 c;
    if (byte >= 0xC2 && byte < 0xE0 && i + 1 < n && (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80) {
      c = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(data[i + 1]) & 0x3F);
      i += 2;
    } else {
      U8_NEXT(data, i, n, c);
      if (c < 0) continue;
    }
    const uint8_t script = c < 0x10000 ? table[c] : compute_script(c);
    if (script != current) {
      counts[current] += run;
      current = script;
      run = 0;
    }
    ++run;
  }
  counts[current] += run;
  counts[USCRIPT_LATIN] += latin;
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
