#include "stages/stats/log_histogram.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"

namespace corpusflow {
namespace {

TEST(LogHistogram, BucketsCoverEveryValueAndAreNarrow) {
  for (uint64_t value :
       std::initializer_list<uint64_t>{0ull, 1ull, 7ull, 8ull, 9ull, 15ull, 16ull, 17ull, 100ull, 1000ull, 123456789ull,
                                       (1ull << 40) + 12345, UINT64_MAX - 1, UINT64_MAX}) {
    int bucket = LogHistogram::bucket_of(value);
    ASSERT_GE(bucket, 0);
    ASSERT_LT(bucket, LogHistogram::kBuckets);
    uint64_t low = LogHistogram::bucket_low(bucket);
    uint64_t high = LogHistogram::bucket_high(bucket);
    EXPECT_LE(low, value) << value;
    if (value != UINT64_MAX) {
      EXPECT_LT(value, high) << value;
    }
    if (low >= 8) {
      EXPECT_LE(static_cast<double>(high - low) / static_cast<double>(low), 0.125 + 1e-12) << value;
    }
  }
  for (int b = 0; b + 1 < LogHistogram::kBuckets; ++b) {
    ASSERT_EQ(LogHistogram::bucket_high(b), LogHistogram::bucket_low(b + 1)) << b;
    ASSERT_EQ(LogHistogram::bucket_of(LogHistogram::bucket_low(b)), b);
  }
}

TEST(LogHistogram, PercentilesAreExactForSmallValuesAndCloseForLarge) {
  LogHistogram small;
  for (uint64_t v = 0; v < 8; ++v) small.add(v);
  EXPECT_EQ(small.percentile(50), 3u);
  EXPECT_EQ(small.percentile(100), 7u);
  EXPECT_EQ(small.percentile(1), 0u);

  LogHistogram large;
  for (uint64_t v = 1; v <= 10000; ++v) large.add(v);
  EXPECT_NEAR(static_cast<double>(large.percentile(50)), 5000, 5000 * 0.125);
  EXPECT_NEAR(static_cast<double>(large.percentile(90)), 9000, 9000 * 0.125);
  EXPECT_EQ(large.percentile(100), 10000u);
  EXPECT_EQ(large.min(), 1u);
  EXPECT_EQ(large.max(), 10000u);
  EXPECT_EQ(large.sum(), 10000u * 10001u / 2);

  LogHistogram empty;
  EXPECT_EQ(empty.percentile(50), 0u);
  EXPECT_EQ(empty.min(), 0u);
}

TEST(LogHistogram, MergeEqualsAddingEverything) {
  LogHistogram whole, left, right;
  for (uint64_t v = 0; v < 5000; v += 7) {
    whole.add(v * v);
    (v % 2 ? left : right).add(v * v);
  }
  left.merge(right);
  EXPECT_EQ(left, whole);
}

TEST(LogHistogram, JsonRoundTrip) {
  LogHistogram histogram;
  for (uint64_t v : std::initializer_list<uint64_t>{0ull, 3ull, 9ull, 250ull, 250ull, 99999ull}) histogram.add(v);
  nlohmann::json json = histogram.to_json();
  EXPECT_EQ(json["count"], 6);
  EXPECT_EQ(json["max"], 99999);
  EXPECT_EQ(json["buckets"].size(), 5u);
  EXPECT_EQ(LogHistogram::from_json(json), histogram);
  EXPECT_EQ(LogHistogram::from_json(LogHistogram().to_json()), LogHistogram());
}

TEST(LogHistogram, FromJsonRejectsBadInput) {
  LogHistogram histogram;
  histogram.add(100);
  nlohmann::json json = histogram.to_json();

  nlohmann::json off_boundary = json;
  off_boundary["buckets"][0][0] = 101;
  EXPECT_THROW(LogHistogram::from_json(off_boundary), StatsFormatError);

  nlohmann::json wrong_count = json;
  wrong_count["count"] = 2;
  EXPECT_THROW(LogHistogram::from_json(wrong_count), StatsFormatError);

  nlohmann::json negative = json;
  negative["sum"] = -1;
  EXPECT_THROW(LogHistogram::from_json(negative), StatsFormatError);

  nlohmann::json missing = json;
  missing.erase("buckets");
  EXPECT_THROW(LogHistogram::from_json(missing), StatsFormatError);

  EXPECT_THROW(LogHistogram::from_json(nlohmann::json::array()), StatsFormatError);
}

}  // namespace
}  // namespace corpusflow
