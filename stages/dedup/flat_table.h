// FlatTable: an open-addressing hash table from a well-mixed key (an xxh3 output, or part of one) to a
// non-zero uint32 value, for the dedup index. One flat array of {key, value} slots, so a lookup costs one
// cache miss; linear probing, power-of-two capacity, at most 70% full, no erase (the index only grows);
// large arrays sit on huge pages. prefetch() lets the Decider overlap the misses of its lookups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "stages/dedup/huge_page_allocator.h"

namespace corpusflow {

// The 128-bit key of exact dedup.
struct Key128 {
  uint64_t low = 0;
  uint64_t high = 0;
  bool operator==(const Key128&) const = default;
};

template <typename Key>
class FlatTable {
 public:
  // The value stored under key, or 0 when absent.
  uint32_t find(const Key& key) const {
    if (slots_.empty()) return 0;
    for (size_t slot = home(key);; slot = (slot + 1) & mask_) {
      if (slots_[slot].value == 0) return 0;
      if (key_of(slots_[slot]) == key) return slots_[slot].value;
    }
  }

  // Stores `value` (non-zero) under key and returns the value it replaces, 0 when the key was absent.
  // Check will_grow() first to account for the memory.
  uint32_t exchange(const Key& key, uint32_t value) {
    if (will_grow()) grow();
    for (size_t slot = home(key);; slot = (slot + 1) & mask_) {
      Slot& entry = slots_[slot];
      if (entry.value == 0) {
        std::memcpy(entry.key, &key, sizeof(Key));
        entry.value = value;
        ++size_;
        return 0;
      }
      if (key_of(entry) == key) {
        const uint32_t previous = entry.value;
        entry.value = value;
        return previous;
      }
    }
  }

  void prefetch(const Key& key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(key)]);
  }

  // Whether inserting a new key reallocates, and the bytes the table holds after that.
  bool will_grow() const { return (size_ + 1) * 10 > capacity() * 7; }
  uint64_t bytes_after_growth() const {
    return huge_page_rounded((capacity() == 0 ? kInitialCapacity : capacity() * 2) * sizeof(Slot));
  }

  uint64_t bytes() const { return huge_page_rounded(capacity() * sizeof(Slot)); }
  size_t size() const { return size_; }
  size_t capacity() const { return slots_.size(); }
  static constexpr size_t slot_bytes() { return sizeof(Slot); }

 private:
  // Key bytes rather than a Key member: no padding, so a uint32 key takes 8 bytes, uint64 12, Key128 20.
  struct Slot {
    unsigned char key[sizeof(Key)];
    uint32_t value;
  };
  static Key key_of(const Slot& slot) {
    Key key;
    std::memcpy(&key, slot.key, sizeof(Key));
    return key;
  }
  static constexpr size_t kInitialCapacity = 1024;

  static uint64_t hash_of(uint32_t key) { return key; }
  static uint64_t hash_of(uint64_t key) { return key; }
  static uint64_t hash_of(const Key128& key) { return key.low; }
  size_t home(const Key& key) const { return static_cast<size_t>(hash_of(key)) & mask_; }

  void grow() {
    std::vector<Slot, HugePageAllocator<Slot>> old(capacity() == 0 ? kInitialCapacity : capacity() * 2, Slot{{}, 0});
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& entry : old) {
      if (entry.value == 0) continue;
      size_t slot = home(key_of(entry));
      while (slots_[slot].value != 0) slot = (slot + 1) & mask_;
      slots_[slot] = entry;
    }
  }

  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace corpusflow
