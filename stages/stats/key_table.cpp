#include "stages/stats/key_table.h"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "stages/stats/json_read.h"

namespace corpusflow {

namespace {

bool ranks_before(const std::pair<std::string, KeyCounts>& a, const std::pair<std::string, KeyCounts>& b) {
  if (a.second.documents != b.second.documents) return a.second.documents > b.second.documents;
  return a.first < b.first;
}

}  // namespace

void KeyCounts::merge(const KeyCounts& other) {
  documents += other.documents;
  kept += other.kept;
  duplicates += other.duplicates;
  rejected += other.rejected;
  filtered += other.filtered;
  words += other.words;
  chars += other.chars;
  bytes += other.bytes;
  error += other.error;
}

// Keys are short (codes, hosts, months): a multiply-xorshift over 8-byte words is several times
// faster here than std::hash's general-purpose byte hash.
size_t KeyTable::Hash::operator()(std::string_view key) const {
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ key.size();
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, key.data() + i, 8);
    hash = (hash ^ word) * 0xBF58476D1CE4E5B9ull;
    hash ^= hash >> 29;
  }
  uint64_t tail = 0;
  if (i < key.size()) std::memcpy(&tail, key.data() + i, key.size() - i);
  hash = (hash ^ tail) * 0x94D049BB133111EBull;
  return static_cast<size_t>(hash ^ (hash >> 31));
}

KeyCounts& KeyTable::at(std::string_view key) {
  if (last_ != nullptr && *last_key_ == key) return *last_;
  auto it = map_.find(key);
  if (it == map_.end()) {
    prune_if_full();
    it = map_.emplace(std::string(key), KeyCounts{}).first;
    it->second.error = error_bound_;
  }
  last_key_ = &it->first;
  last_ = &it->second;
  return it->second;
}

const KeyCounts* KeyTable::find(std::string_view key) const {
  auto it = map_.find(key);
  return it == map_.end() ? nullptr : &it->second;
}

void KeyTable::prune_if_full() {
  if (capacity_ == 0 || map_.size() < 2 * capacity_) return;
  forget_last();
  std::vector<std::pair<std::string, KeyCounts>> entries(map_.begin(), map_.end());
  std::nth_element(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(capacity_), entries.end(),
                   ranks_before);
  for (size_t i = capacity_; i < entries.size(); ++i) {
    error_bound_ = std::max(error_bound_, entries[i].second.documents + entries[i].second.error);
    map_.erase(entries[i].first);
  }
  pruned_ = true;
}

void KeyTable::merge(const KeyTable& other) {
  for (auto& [key, counts] : map_) {
    if (!other.map_.contains(key)) counts.error += other.error_bound_;
  }
  for (const auto& [key, counts] : other.map_) {
    auto it = map_.find(key);
    if (it != map_.end()) {
      it->second.merge(counts);
      continue;
    }
    prune_if_full();
    KeyCounts& mine = map_.emplace(key, counts).first->second;
    mine.error += error_bound_;
  }
  error_bound_ += other.error_bound_;
  pruned_ = pruned_ || other.pruned_;
  prune_if_full();
}

std::vector<std::pair<std::string, KeyCounts>> KeyTable::sorted(size_t limit) const {
  std::vector<std::pair<std::string, KeyCounts>> entries(map_.begin(), map_.end());
  std::sort(entries.begin(), entries.end(), ranks_before);
  if (limit != 0 && entries.size() > limit) entries.resize(limit);
  return entries;
}

nlohmann::json KeyTable::to_json() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, counts] : map_) {
    nlohmann::json entry = {
        {"documents", counts.documents}, {"kept", counts.kept},         {"duplicates", counts.duplicates},
        {"rejected", counts.rejected},   {"filtered", counts.filtered}, {"words", counts.words},
        {"chars", counts.chars},         {"bytes", counts.bytes},
    };
    if (counts.error != 0) entry["error"] = counts.error;
    out[key] = std::move(entry);
  }
  return out;
}

KeyTable KeyTable::from_json(const nlohmann::json& json, size_t capacity, bool exact, uint64_t error_bound,
                             std::string_view path) {
  using namespace json_read;
  if (!json.is_object()) throw StatsFormatError("'" + std::string(path) + "' is not an object");
  KeyTable table(capacity);
  table.pruned_ = !exact;
  table.error_bound_ = error_bound;
  for (const auto& [key, entry] : json.items()) {
    std::string entry_path = std::string(path) + "." + key;
    KeyCounts counts;
    counts.documents = unsigned_at(entry, "documents", entry_path);
    counts.kept = unsigned_at(entry, "kept", entry_path);
    counts.duplicates = unsigned_at(entry, "duplicates", entry_path);
    counts.rejected = unsigned_at(entry, "rejected", entry_path);
    counts.filtered = unsigned_or(entry, "filtered", 0, entry_path);
    counts.words = unsigned_at(entry, "words", entry_path);
    counts.chars = unsigned_at(entry, "chars", entry_path);
    counts.bytes = unsigned_at(entry, "bytes", entry_path);
    counts.error = unsigned_or(entry, "error", 0, entry_path);
    table.map_.emplace(key, counts);
  }
  return table;
}

}  // namespace corpusflow
