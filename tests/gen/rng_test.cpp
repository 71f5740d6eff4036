#include "engine/gen/rng.h"

#include <gtest/gtest.h>

#include <vector>

namespace corpusflow::gen {
namespace {

TEST(Rng, SplitMixMatchesTheReferenceSequence) {
  uint64_t state = 0;
  EXPECT_EQ(splitmix64(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(splitmix64(state), 0x6e789e6aa1b965f4ULL);
}

TEST(Rng, SameSeedSameSequenceOtherSeedOther) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(Rng, BelowStaysInRangeAndCoversIt) {
  Rng rng(7);
  std::vector<int> seen(10);
  for (int i = 0; i < 10000; ++i) {
    const uint64_t x = rng.below(10);
    ASSERT_LT(x, 10u);
    ++seen[x];
  }
  for (int count : seen) EXPECT_GT(count, 800);
  EXPECT_EQ(rng.below(0), 0u);
  EXPECT_EQ(rng.below(1), 0u);
}

TEST(Rng, BetweenIsInclusive) {
  Rng rng(9);
  bool low = false, high = false;
  for (int i = 0; i < 1000; ++i) {
    const int64_t x = rng.between(-2, 2);
    ASSERT_GE(x, -2);
    ASSERT_LE(x, 2);
    low |= x == -2;
    high |= x == 2;
  }
  EXPECT_TRUE(low && high);
}

TEST(Rng, UnitIsInHalfOpenInterval) {
  Rng rng(11);
  double sum = 0;
  for (int i = 0; i < 10000; ++i) {
    const double u = rng.unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / 10000, 0.5, 0.02);
}

TEST(Rng, ParetoIsHeavyTailedAndCapped) {
  Rng rng(13);
  int above_ten_times = 0;
  for (int i = 0; i < 20000; ++i) {
    const double x = rng.pareto(100, 1.3, 5000);
    ASSERT_GE(x, 100);
    ASSERT_LE(x, 5000);
    above_ten_times += x > 1000;
  }
  // P(X > 10 xm) = 10^-1.3 = 5%.
  EXPECT_GT(above_ten_times, 700);
  EXPECT_LT(above_ten_times, 1300);
}

TEST(WeightedChoice, FollowsWeightsAndSkipsZero) {
  Rng rng(17);
  const WeightedChoice choice(std::vector<double>{1, 0, 3});
  std::vector<int> seen(3);
  for (int i = 0; i < 8000; ++i) ++seen[choice(rng)];
  EXPECT_EQ(seen[1], 0);
  EXPECT_NEAR(static_cast<double>(seen[2]) / seen[0], 3.0, 0.4);
}

TEST(WeightedChoice, ZipfFavoursTheFirstRanks) {
  Rng rng(19);
  const WeightedChoice zipf = WeightedChoice::zipf(100, 1.0);
  std::vector<int> seen(100);
  for (int i = 0; i < 20000; ++i) ++seen[zipf(rng)];
  EXPECT_GT(seen[0], seen[1]);
  EXPECT_GT(seen[1], seen[9]);
  EXPECT_GT(seen[0], 10 * seen[99]);
}

}  // namespace
}  // namespace corpusflow::gen
