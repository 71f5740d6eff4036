// Counts 64-bit keys within one document (lines, paragraphs, word n-grams): open addressing, kept by each
// thread from one document to the next and emptied in O(1) by a generation number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corpusflow {

class HashCounter {
 public:
  // Empties the counter for at most `keys` distinct keys.
  void reset(size_t keys) {
    size_t want = 64;
    while (want < 2 * keys) want *= 2;
    if (want > slots_.size() || (slots_.size() > (1u << 16) && want * 8 < slots_.size())) {
      slots_.assign(want, Slot{});
      generation_ = 0;
    }
    if (++generation_ == 0) {
      for (Slot& slot : slots_) slot.generation = 0;
      generation_ = 1;
    }
    mask_ = slots_.size() - 1;
  }
  // The count of `key` so far (0 when never added).
  uint32_t count_of(uint64_t key) const {
    for (size_t i = (key ^ (key >> 29)) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.generation != generation_) return 0;
      if (slot.key == key) return slot.count;
    }
  }
  // Adds one occurrence of `key`; returns its count so far, this one included.
  uint32_t add(uint64_t key) {
    for (size_t i = (key ^ (key >> 29)) & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.generation != generation_) {
        slot = {key, 1, generation_};
        return 1;
      }
      if (slot.key == key) return ++slot.count;
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t count = 0;
    uint32_t generation = 0;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t generation_ = 0;
};

}  // namespace corpusflow
