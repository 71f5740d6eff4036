#include "stages/stats/log_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include <nlohmann/json.hpp>

#include "stages/stats/json_read.h"
#include "stages/stats/nearest_rank.h"

namespace corpusflow {

int LogHistogram::bucket_of(uint64_t value) {
  if (value < kSubBuckets) return static_cast<int>(value);
  int exponent = 63 - std::countl_zero(value);
  int mantissa = static_cast<int>((value >> (exponent - kSubBits)) & (kSubBuckets - 1));
  return kSubBuckets + (exponent - kSubBits) * kSubBuckets + mantissa;
}

uint64_t LogHistogram::bucket_low(int bucket) {
  if (bucket < kSubBuckets) return static_cast<uint64_t>(bucket);
  int exponent = (bucket - kSubBuckets) / kSubBuckets + kSubBits;
  uint64_t mantissa = static_cast<uint64_t>((bucket - kSubBuckets) % kSubBuckets);
  return (kSubBuckets + mantissa) << (exponent - kSubBits);
}

uint64_t LogHistogram::bucket_high(int bucket) {
  if (bucket < kSubBuckets) return static_cast<uint64_t>(bucket) + 1;
  if (bucket == kBuckets - 1) return UINT64_MAX;
  return bucket_low(bucket + 1);
}

void LogHistogram::merge(const LogHistogram& other) {
  for (int b = 0; b < kBuckets; ++b) counts_[b] += other.counts_[b];
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

uint64_t LogHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  const RankedBucket found = nearest_rank_bucket(counts_, count_, p);
  const uint64_t low = bucket_low(found.bucket);
  const uint64_t high = bucket_high(found.bucket);
  double value = static_cast<double>(low);
  if (high - low > 1) {
    const double position =
        (static_cast<double>(found.rank - found.before) - 0.5) / static_cast<double>(counts_[found.bucket]);
    value += static_cast<double>(high - low) * position;
  }
  const uint64_t rounded = static_cast<uint64_t>(std::llround(value));
  return std::clamp(rounded, min(), max_);
}

nlohmann::json LogHistogram::to_json() const {
  nlohmann::json buckets = nlohmann::json::array();
  for (int b = 0; b < kBuckets; ++b) {
    if (counts_[b] != 0) buckets.push_back({bucket_low(b), bucket_high(b), counts_[b]});
  }
  return {
      {"count", count_},
      {"sum", sum_},
      {"min", min()},
      {"max", max_},
      {"buckets", std::move(buckets)},
      {"percentiles",
       {{"p1", percentile(1)},
        {"p10", percentile(10)},
        {"p50", percentile(50)},
        {"p90", percentile(90)},
        {"p99", percentile(99)}}},
  };
}

LogHistogram LogHistogram::from_json(const nlohmann::json& json) {
  using namespace json_read;
  LogHistogram histogram;
  histogram.count_ = unsigned_at(json, "count", "histogram");
  histogram.sum_ = unsigned_at(json, "sum", "histogram");
  histogram.max_ = unsigned_at(json, "max", "histogram");
  uint64_t min = unsigned_at(json, "min", "histogram");
  histogram.min_ = histogram.count_ ? min : UINT64_MAX;
  const auto& buckets = member(json, "buckets", "histogram");
  if (!buckets.is_array()) throw StatsFormatError("'histogram.buckets' is not an array");
  uint64_t total = 0;
  for (const auto& bucket : buckets) {
    if (!bucket.is_array() || bucket.size() != 3) {
      throw StatsFormatError("'histogram.buckets' holds an entry that is not [low, high, count]");
    }
    uint64_t low = as_unsigned(bucket[0], "histogram.buckets[low]");
    uint64_t count = as_unsigned(bucket[2], "histogram.buckets[count]");
    int b = bucket_of(low);
    if (bucket_low(b) != low) {
      throw StatsFormatError("'histogram.buckets' has a bucket starting at " + std::to_string(low) +
                             ", not a bucket boundary");
    }
    histogram.counts_[b] += count;
    total += count;
  }
  if (total != histogram.count_) {
    throw StatsFormatError("'histogram.count' is " + std::to_string(histogram.count_) + " but its buckets hold " +
                           std::to_string(total));
  }
  return histogram;
}

}  // namespace corpusflow
