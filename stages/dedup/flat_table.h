// FlatTable: an open-addressing hash table from a fixed-size key of 64-bit words (already well mixed: an
// xxh3 output) to a non-zero uint32 value. Linear probing, power-of-two capacity, at most 70% full, no
// erase: the dedup index only grows. Its memory is two flat arrays, measured by bytes().
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace corpusflow {

template <size_t Words>
class FlatTable {
 public:
  using Key = std::array<uint64_t, Words>;

  // The value stored under key, or 0 when absent.
  uint32_t find(const Key& key) const {
    if (values_.empty()) return 0;
    for (size_t slot = key[0] & mask_;; slot = (slot + 1) & mask_) {
      if (values_[slot] == 0) return 0;
      if (keys_[slot] == key) return values_[slot];
    }
  }

  // The value slot of key, inserted as 0 (the caller sets it) when absent. Call will_grow() first to
  // account for memory; the reference is valid until the next insert.
  uint32_t& find_or_insert(const Key& key) {
    if (will_grow()) grow();
    for (size_t slot = key[0] & mask_;; slot = (slot + 1) & mask_) {
      if (values_[slot] == 0) {
        keys_[slot] = key;
        ++size_;
        return values_[slot];
      }
      if (keys_[slot] == key) return values_[slot];
    }
  }

  // Whether the next insert of a new key reallocates, and the bytes the table holds after it does.
  bool will_grow() const { return (size_ + 1) * 10 > capacity() * 7; }
  uint64_t bytes_after_growth() const { return bytes_for(capacity() == 0 ? kInitialCapacity : capacity() * 2); }

  uint64_t bytes() const { return bytes_for(capacity()); }
  size_t size() const { return size_; }
  size_t capacity() const { return values_.size(); }

 private:
  static constexpr size_t kInitialCapacity = 1024;
  static uint64_t bytes_for(size_t capacity) { return capacity * (sizeof(Key) + sizeof(uint32_t)); }

  void grow() {
    const size_t new_capacity = capacity() == 0 ? kInitialCapacity : capacity() * 2;
    std::vector<Key> old_keys(new_capacity);
    std::vector<uint32_t> old_values(new_capacity, 0);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = new_capacity - 1;
    for (size_t i = 0; i < old_values.size(); ++i) {
      if (old_values[i] == 0) continue;
      size_t slot = old_keys[i][0] & mask_;
      while (values_[slot] != 0) slot = (slot + 1) & mask_;
      keys_[slot] = old_keys[i];
      values_[slot] = old_values[i];
    }
  }

  std::vector<Key> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace corpusflow
