// SimilarityHistogram: estimated Jaccard similarity of near-duplicates to their kept document, in 100
// buckets 0.01 wide ([0.00,0.01) ... [0.99,1.00]); 1.0 falls in the last bucket. Mergeable exactly.
#pragma once

#include <array>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow {

class SimilarityHistogram {
 public:
  static constexpr int kBuckets = 100;

  static int bucket_of(double similarity);  // out-of-range and NaN values are clamped into [0, 99]
  void add(double similarity) {
    ++counts_[bucket_of(similarity)];
    ++count_;
  }
  void merge(const SimilarityHistogram& other);

  uint64_t count() const { return count_; }
  uint64_t bucket_count(int bucket) const { return counts_[bucket]; }
  // Lower edge of the bucket holding the nearest-rank percentile p (0 < p <= 100); 0 when empty.
  double percentile(double p) const;

  // {"count","buckets":[[low, high, count]...] (non-empty only),"percentiles":{"p1","p10","p50","p90","p99"}}
  nlohmann::json to_json() const;
  static SimilarityHistogram from_json(const nlohmann::json& json);

  bool operator==(const SimilarityHistogram&) const = default;

 private:
  std::array<uint64_t, kBuckets> counts_{};
  uint64_t count_ = 0;
};

}  // namespace corpusflow
