#include "stages/stats/similarity_histogram.h"

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"

namespace corpusflow {
namespace {

TEST(SimilarityHistogram, BucketsAreHundredthsWithOneInTheLast) {
  EXPECT_EQ(SimilarityHistogram::bucket_of(0.0), 0);
  EXPECT_EQ(SimilarityHistogram::bucket_of(0.75f), 75);
  EXPECT_EQ(SimilarityHistogram::bucket_of(84.0f / 112.0f), 75);
  EXPECT_EQ(SimilarityHistogram::bucket_of(0.999), 99);
  EXPECT_EQ(SimilarityHistogram::bucket_of(1.0), 99);
  EXPECT_EQ(SimilarityHistogram::bucket_of(1.5), 99);
  EXPECT_EQ(SimilarityHistogram::bucket_of(-0.2), 0);
  EXPECT_EQ(SimilarityHistogram::bucket_of(std::nan("")), 0);
}

TEST(SimilarityHistogram, PercentilesMergeAndRoundTrip) {
  SimilarityHistogram whole, left, right;
  for (int i = 0; i < 100; ++i) {
    double similarity = 0.75 + 0.25 * i / 99.0;
    whole.add(similarity);
    (i < 40 ? left : right).add(similarity);
  }
  EXPECT_NEAR(whole.percentile(50), 0.87, 0.011);
  EXPECT_DOUBLE_EQ(whole.percentile(100), 0.99);
  left.merge(right);
  EXPECT_EQ(left, whole);
  EXPECT_EQ(SimilarityHistogram::from_json(whole.to_json()), whole);
}

TEST(SimilarityHistogram, FromJsonRejectsBadBuckets) {
  SimilarityHistogram histogram;
  histogram.add(0.8);
  nlohmann::json json = histogram.to_json();
  nlohmann::json off_grid = json;
  off_grid["buckets"][0][0] = 0.805;
  EXPECT_THROW(SimilarityHistogram::from_json(off_grid), StatsFormatError);
  nlohmann::json out_of_range = json;
  out_of_range["buckets"][0][0] = 1.0;
  EXPECT_THROW(SimilarityHistogram::from_json(out_of_range), StatsFormatError);
  nlohmann::json wrong_count = json;
  wrong_count["count"] = 5;
  EXPECT_THROW(SimilarityHistogram::from_json(wrong_count), StatsFormatError);
}

}  // namespace
}  // namespace corpusflow
