// KeyTable: documents, words and chars per key (language, script, host, month), optionally bounded.
// Unbounded tables are exact. A bounded table (capacity > 0) keeps every key until it holds
// 2 x capacity keys, then keeps the `capacity` keys with the most documents and drops the rest;
// `error_bound` is then the most documents any dropped key had, and a key first seen (or merged in)
// after a drop carries that bound in its `error`: its true count is between documents and
// documents + error. While nothing is dropped the table is exact and merges exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow {

struct KeyCounts {
  uint64_t documents = 0;  // every outcome
  uint64_t kept = 0;
  uint64_t duplicates = 0;
  uint64_t rejected = 0;
  uint64_t filtered = 0;
  uint64_t words = 0;  // of kept documents
  uint64_t chars = 0;  // of kept documents (code points)
  uint64_t bytes = 0;  // UTF-8 bytes of the text of kept documents
  uint64_t error = 0;  // bounded tables only: documents this key may have lost to pruning

  void merge(const KeyCounts& other);
  bool operator==(const KeyCounts&) const = default;
};

class KeyTable {
 public:
  explicit KeyTable(size_t capacity = 0) : capacity_(capacity) {}
  KeyTable(const KeyTable& other)
      : map_(other.map_), capacity_(other.capacity_), pruned_(other.pruned_), error_bound_(other.error_bound_) {}
  KeyTable& operator=(const KeyTable& other) {
    if (this != &other) *this = KeyTable(other);
    return *this;
  }
  KeyTable(KeyTable&& other) noexcept { *this = std::move(other); }
  KeyTable& operator=(KeyTable&& other) noexcept {
    if (this == &other) return *this;
    map_ = std::move(other.map_);
    capacity_ = other.capacity_;
    pruned_ = other.pruned_;
    error_bound_ = other.error_bound_;
    last_key_ = other.last_key_;
    last_ = other.last_;
    other.map_.clear();
    other.forget_last();
    return *this;
  }

  // Finds or inserts; allocates only for a key not yet in the table.
  KeyCounts& at(std::string_view key);
  void merge(const KeyTable& other);

  size_t size() const { return map_.size(); }
  size_t capacity() const { return capacity_; }
  bool exact() const { return !pruned_; }
  uint64_t error_bound() const { return error_bound_; }
  const KeyCounts* find(std::string_view key) const;

  // Entries by documents descending, then key ascending; at most `limit` (0: all).
  std::vector<std::pair<std::string, KeyCounts>> sorted(size_t limit = 0) const;

  // Object key -> {"documents","kept","duplicates","rejected","words","chars","bytes"[,"error"]}.
  nlohmann::json to_json() const;
  // `exact` and `error_bound` come from the caller (stored beside the table in stats.json).
  static KeyTable from_json(const nlohmann::json& json, size_t capacity, bool exact, uint64_t error_bound,
                            std::string_view path);

  bool operator==(const KeyTable& other) const {
    return map_ == other.map_ && pruned_ == other.pruned_ && error_bound_ == other.error_bound_;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const;
  };
  void prune_if_full();
  void forget_last() { last_ = nullptr; }

  std::unordered_map<std::string, KeyCounts, Hash, std::equal_to<>> map_;
  size_t capacity_ = 0;
  bool pruned_ = false;
  uint64_t error_bound_ = 0;
  // The entry found last: consecutive documents mostly share a language, script, host and month.
  // Map nodes do not move, so the pointers stay valid until an entry is erased.
  const std::string* last_key_ = nullptr;
  KeyCounts* last_ = nullptr;
};

}  // namespace corpusflow
