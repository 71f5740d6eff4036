// DuplicateGroups: how many duplicates each kept document absorbed (from every duplicate's
// duplicate_of), with a sample title and host per group for the report.
// Memory is bounded like KeyTable: up to 2 x capacity groups (about 200 bytes each with the sample,
// so 8 MB per accumulator at the default capacity of 20,000), then the `capacity` largest are kept;
// `exact` turns false and `error_bound` is the most duplicates a dropped group had. The sample of a
// group is its duplicate with the smallest id, so it does not depend on threads or merge order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/document.h"
#include "stages/stats/log_histogram.h"

namespace corpusflow {

struct DuplicateGroup {
  DocumentId kept;        // the kept document that absorbed the duplicates
  uint64_t absorbed = 0;  // duplicates naming it as duplicate_of
  uint64_t error = 0;     // duplicates it may have lost to pruning
  DocumentId sample;      // smallest id among its duplicates seen
  std::string title;      // the sample's title, cut to kSampleTitleBytes (utf8_prefix)
  std::string host;       // the sample's host

  bool operator==(const DuplicateGroup&) const = default;
};

class DuplicateGroups {
 public:
  static constexpr size_t kSampleTitleBytes = 120;

  explicit DuplicateGroups(size_t capacity = 20000) : capacity_(capacity) {}

  void add(const Document& duplicate);
  void merge(const DuplicateGroups& other);

  size_t size() const { return groups_.size(); }
  uint64_t absorbed() const;
  bool exact() const { return !pruned_; }
  uint64_t error_bound() const { return error_bound_; }

  // Largest first (absorbed descending, then kept id ascending); at most `limit` (0: all).
  std::vector<DuplicateGroup> largest(size_t limit = 0) const;
  // Histogram of group sizes: the kept document plus the duplicates it absorbed (so >= 2).
  LogHistogram size_histogram() const;

  // {"groups","absorbed","exact","error_bound","size_histogram","largest":[{"id","absorbed","sample",
  //  "title","host"[,"error"]}...],"tracked":[[shard, record, absorbed, error]...]} with `largest` cut
  // to `largest_limit`. `tracked` (all groups, sorted by id) is what from_json and merges read.
  nlohmann::json to_json(size_t largest_limit) const;
  static DuplicateGroups from_json(const nlohmann::json& json, size_t capacity);

  bool operator==(const DuplicateGroups& other) const;

 private:
  struct IdHash {
    size_t operator()(const DocumentId& id) const {
      return std::hash<uint64_t>{}(id.record * 0x9E3779B97F4A7C15ull ^ id.shard);
    }
  };
  void prune_if_full();

  std::unordered_map<DocumentId, DuplicateGroup, IdHash> groups_;
  size_t capacity_;
  bool pruned_ = false;
  uint64_t error_bound_ = 0;
};

}  // namespace corpusflow
