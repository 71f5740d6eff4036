// LogHistogram: counts of non-negative integers in logarithmic buckets, mergeable exactly.
// Values below 8 get a bucket each; above, every power of two is split into 8 equal buckets, so a
// bucket is at most 12.5% wide relative to its lower bound. Fixed size (496 counters), no allocation.
#pragma once

#include <array>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow {

class LogHistogram {
 public:
  static constexpr int kSubBits = 3;
  static constexpr int kSubBuckets = 1 << kSubBits;
  static constexpr int kBuckets = kSubBuckets + (64 - kSubBits) * kSubBuckets;

  static int bucket_of(uint64_t value);
  static uint64_t bucket_low(int bucket);   // inclusive
  static uint64_t bucket_high(int bucket);  // exclusive (saturates at UINT64_MAX for the last bucket)

  void add(uint64_t value) {
    ++counts_[bucket_of(value)];
    ++count_;
    sum_ += value;
    if (value < min_) min_ = value;
    if (value > max_) max_ = value;
  }
  void merge(const LogHistogram& other);

  uint64_t count() const { return count_; }
  uint64_t sum() const { return sum_; }
  uint64_t min() const { return count_ ? min_ : 0; }
  uint64_t max() const { return max_; }
  uint64_t bucket_count(int bucket) const { return counts_[bucket]; }

  // Nearest-rank percentile (0 < p <= 100) interpolated linearly inside its bucket and clamped to
  // [min, max]: exact below 8, otherwise within the bucket's width. 0 when empty.
  uint64_t percentile(double p) const;

  // {"count","sum","min","max","buckets":[[low, high, count]...] (non-empty only),
  //  "percentiles":{"p1","p10","p50","p90","p99"}}; from_json reads all but the percentiles.
  nlohmann::json to_json() const;
  static LogHistogram from_json(const nlohmann::json& json);

  bool operator==(const LogHistogram&) const = default;

 private:
  std::array<uint64_t, kBuckets> counts_{};
  uint64_t count_ = 0;
  uint64_t sum_ = 0;
  uint64_t min_ = UINT64_MAX;
  uint64_t max_ = 0;
};

}  // namespace corpusflow
