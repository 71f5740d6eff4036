#include "stages/normalize/earlier_line_index.h"

#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/scratch_buffer.h"

namespace corpusflow {

void EarlierLineIndex::reset(std::string_view text, size_t lines) {
  text_ = text;
  size_t capacity = 16;
  while (capacity < 2 * lines) capacity <<= 1;  // at most half full
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
}

uint32_t EarlierLineIndex::find_or_add(uint32_t begin, uint32_t end, uint32_t line) {
  const uint64_t hash = XXH3_64bits(text_.data() + begin, end - begin);
  for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    Slot& entry = slots_[slot];
    if (entry.line == kNone) {
      entry = Slot{hash, begin, end, line};
      return kNone;
    }
    if (entry.hash == hash && entry.end - entry.begin == end - begin &&
        std::memcmp(text_.data() + entry.begin, text_.data() + begin, end - begin) == 0) {
      return entry.line;
    }
  }
}

void EarlierLineIndex::trim() { trim_scratch(slots_); }

}  // namespace corpusflow
