// Nearest-rank percentiles over bucketed counts, shared by the histograms.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace corpusflow {

struct RankedBucket {
  int bucket = 0;       // the bucket holding the value of nearest rank
  uint64_t rank = 0;    // ceil(p / 100 * total), at least 1
  uint64_t before = 0;  // values in the buckets before it
};

// The bucket of the nearest-rank percentile p (clamped to [0, 100]) of `total` > 0 values counted in `counts`.
template <size_t N>
RankedBucket nearest_rank_bucket(const std::array<uint64_t, N>& counts, uint64_t total, double p) {
  RankedBucket found;
  found.rank = static_cast<uint64_t>(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(total)));
  found.rank = std::clamp<uint64_t>(found.rank, 1, total);
  for (size_t b = 0; b < N; ++b) {
    if (found.before + counts[b] >= found.rank) {
      found.bucket = static_cast<int>(b);
      return found;
    }
    found.before += counts[b];
  }
  found.bucket = static_cast<int>(N) - 1;
  return found;
}

}  // namespace corpusflow
