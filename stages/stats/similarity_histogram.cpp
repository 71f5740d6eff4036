#include "stages/stats/similarity_histogram.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "stages/stats/json_read.h"
#include "stages/stats/nearest_rank.h"

namespace corpusflow {

int SimilarityHistogram::bucket_of(double similarity) {
  if (!(similarity > 0)) return 0;
  // The epsilon keeps k/100 (as a float, e.g. 0.75f = 0.7499999...) in bucket k.
  double scaled = std::floor(similarity * kBuckets + 1e-4);
  return static_cast<int>(std::min<double>(scaled, kBuckets - 1));
}

void SimilarityHistogram::merge(const SimilarityHistogram& other) {
  for (int b = 0; b < kBuckets; ++b) counts_[b] += other.counts_[b];
  count_ += other.count_;
}

double SimilarityHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  return nearest_rank_bucket(counts_, count_, p).bucket / double(kBuckets);
}

nlohmann::json SimilarityHistogram::to_json() const {
  nlohmann::json buckets = nlohmann::json::array();
  for (int b = 0; b < kBuckets; ++b) {
    if (counts_[b] != 0) buckets.push_back({b / double(kBuckets), (b + 1) / double(kBuckets), counts_[b]});
  }
  return {
      {"count", count_},
      {"buckets", std::move(buckets)},
      {"percentiles",
       {{"p1", percentile(1)},
        {"p10", percentile(10)},
        {"p50", percentile(50)},
        {"p90", percentile(90)},
        {"p99", percentile(99)}}},
  };
}

SimilarityHistogram SimilarityHistogram::from_json(const nlohmann::json& json) {
  using namespace json_read;
  SimilarityHistogram histogram;
  histogram.count_ = unsigned_at(json, "count", "similarity");
  const auto& buckets = member(json, "buckets", "similarity");
  if (!buckets.is_array()) throw StatsFormatError("'similarity.buckets' is not an array");
  uint64_t total = 0;
  for (const auto& bucket : buckets) {
    if (!bucket.is_array() || bucket.size() != 3 || !bucket[0].is_number()) {
      throw StatsFormatError("'similarity.buckets' holds an entry that is not [low, high, count]");
    }
    double low = bucket[0].get<double>();
    long index = std::lround(low * kBuckets);
    if (index < 0 || index >= kBuckets || std::fabs(low * kBuckets - index) > 1e-6) {
      throw StatsFormatError("'similarity.buckets' has a bucket starting at " + bucket[0].dump() +
                             ", not a multiple of 0.01 in [0, 1)");
    }
    uint64_t count = as_unsigned(bucket[2], "similarity.buckets[count]");
    histogram.counts_[index] += count;
    total += count;
  }
  if (total != histogram.count_) {
    throw StatsFormatError("'similarity.count' does not match the sum of its buckets");
  }
  return histogram;
}

}  // namespace corpusflow
