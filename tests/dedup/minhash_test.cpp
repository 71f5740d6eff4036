#include "stages/dedup/minhash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "stages/dedup/band_key.h"
#include "stages/dedup/shingles.h"

namespace corpusflow {
namespace {

constexpr int kSignatureSize = 112;

// Two sets of `total` union elements sharing round(j * total): true Jaccard j.
void make_pair(std::mt19937_64& rng, double j, int total, std::vector<uint64_t>& a, std::vector<uint64_t>& b) {
  const int common = static_cast<int>(std::lround(j * total));
  a.clear();
  b.clear();
  for (int i = 0; i < common; ++i) {
    const uint64_t x = rng();
    a.push_back(x);
    b.push_back(x);
  }
  for (int i = common; i < total; ++i) ((i - common) % 2 ? a : b).push_back(rng());
}

class MinHashFamilies : public ::testing::TestWithParam<MinHashFamily> {};

TEST_P(MinHashFamilies, AgreementEstimatesJaccardWithoutBias) {
  const MinHasher hasher(GetParam(), kSignatureSize, 42);
  std::mt19937_64 rng(7);
  std::vector<uint64_t> a, b;
  std::vector<uint32_t> sa, sb;
  for (double j : {0.2, 0.5, 0.75, 0.9}) {
    for (int total : {40, 400}) {
      double sum = 0, sum_sq = 0;
      const int trials = 300;
      for (int t = 0; t < trials; ++t) {
        make_pair(rng, j, total, a, b);
        hasher.signature(a, sa);
        hasher.signature(b, sb);
        const double estimate = signature_agreement(sa.data(), sb.data(), kSignatureSize) / double(kSignatureSize);
        sum += estimate;
        sum_sq += (estimate - j) * (estimate - j);
      }
      const double mean = sum / trials;
      const double rmse = std::sqrt(sum_sq / trials);
      // Standard error of the mean is sqrt(j(1-j)/K/trials) <= 0.003; the binomial RMSE is <= 0.047.
      EXPECT_NEAR(mean, j, 0.015) << "j=" << j << " total=" << total;
      EXPECT_LT(rmse, 1.25 * std::sqrt(j * (1 - j) / kSignatureSize) + 0.005) << "j=" << j << " total=" << total;
    }
  }
}

TEST_P(MinHashFamilies, IdenticalSetsAgreeEverywhereWhateverTheOrderAndRepeats) {
  const MinHasher hasher(GetParam(), kSignatureSize, 1);
  std::vector<uint64_t> a = {5, 9, 1, 77, 12345678901234ull, 3};
  std::vector<uint64_t> b = {3, 12345678901234ull, 77, 1, 9, 5, 5, 9};
  std::vector<uint32_t> sa, sb;
  hasher.signature(a, sa);
  hasher.signature(b, sb);
  ASSERT_EQ(sa.size(), static_cast<size_t>(kSignatureSize));
  EXPECT_EQ(sa, sb);
}

TEST_P(MinHashFamilies, OneShingleFillsEverySlot) {
  const MinHasher hasher(GetParam(), kSignatureSize, 1);
  std::vector<uint32_t> one, other;
  hasher.signature(std::vector<uint64_t>{99}, one);
  hasher.signature(std::vector<uint64_t>{100}, other);
  ASSERT_EQ(one.size(), static_cast<size_t>(kSignatureSize));
  EXPECT_LT(signature_agreement(one.data(), other.data(), kSignatureSize), 3);
}

TEST_P(MinHashFamilies, SeedChangesTheSignatureAndFixesIt) {
  std::mt19937_64 rng(9);
  std::vector<uint64_t> set(12);
  for (auto& shingle : set) shingle = rng();  // shingles are hashes: spread over all 64 bits
  std::vector<uint32_t> s1, s1again, s2;
  MinHasher(GetParam(), kSignatureSize, 1).signature(set, s1);
  MinHasher(GetParam(), kSignatureSize, 1).signature(set, s1again);
  MinHasher(GetParam(), kSignatureSize, 2).signature(set, s2);
  EXPECT_EQ(s1, s1again);
  EXPECT_LT(signature_agreement(s1.data(), s2.data(), kSignatureSize), kSignatureSize / 4);
}

TEST_P(MinHashFamilies, EmptySetGivesZeroSlots) {
  std::vector<uint32_t> signature = {1, 2};
  MinHasher(GetParam(), 8, 1).signature(std::vector<uint64_t>{}, signature);
  EXPECT_EQ(signature, std::vector<uint32_t>(8, 0));
}

INSTANTIATE_TEST_SUITE_P(Dedup, MinHashFamilies,
                         ::testing::Values(MinHashFamily::one_permutation, MinHashFamily::mod_prime),
                         [](const auto& info) {
                           return std::string(info.param == MinHashFamily::mod_prime ? "ModPrime" : "OnePermutation");
                         });

TEST(MinHasher, RejectsEmptySignatureSize) {
  EXPECT_THROW(MinHasher(MinHashFamily::one_permutation, 0, 1), std::invalid_argument);
}

TEST(Shingles, OneHashPerWindowOfNTokens) {
  const std::vector<std::string_view> tokens = {"a", "b", "c", "d", "e", "f", "g"};
  std::vector<uint64_t> shingles;
  shingle_hashes(tokens, 5, shingles);
  ASSERT_EQ(shingles.size(), 3u);
  EXPECT_NE(shingles[0], shingles[1]);

  const std::vector<std::string_view> shifted = {"x", "b", "c", "d", "e", "f", "g"};
  std::vector<uint64_t> other;
  shingle_hashes(shifted, 5, other);
  EXPECT_NE(other[0], shingles[0]);
  EXPECT_EQ(other[1], shingles[1]);
  EXPECT_EQ(other[2], shingles[2]);
}

TEST(Shingles, TokenBoundariesMatter) {
  std::vector<uint64_t> ab, a_b;
  shingle_hashes({"ab", "c"}, 2, ab);
  shingle_hashes({"a", "bc"}, 2, a_b);
  ASSERT_EQ(ab.size(), 1u);
  ASSERT_EQ(a_b.size(), 1u);
  EXPECT_NE(ab[0], a_b[0]);
}

TEST(Shingles, FewerTokensThanNGramGiveNone) {
  std::vector<uint64_t> shingles = {1, 2, 3};
  shingle_hashes({"a", "b", "c", "d"}, 5, shingles);
  EXPECT_TRUE(shingles.empty());
  shingle_hashes({}, 5, shingles);
  EXPECT_TRUE(shingles.empty());
  shingle_hashes({"a"}, 0, shingles);
  EXPECT_TRUE(shingles.empty());
  shingle_hashes({"a", "b", "c", "d", "e"}, 5, shingles);
  EXPECT_EQ(shingles.size(), 1u);
}

TEST(BandKey, EqualRowsEqualKeysAndBandsDiffer) {
  std::vector<uint32_t> a(16), b(16);
  for (uint32_t i = 0; i < 16; ++i) a[i] = b[i] = i * 7;
  b[12] = 1;
  EXPECT_EQ(band_key(a.data(), 0, 8, 5), band_key(b.data(), 0, 8, 5));
  EXPECT_NE(band_key(a.data(), 1, 8, 5), band_key(b.data(), 1, 8, 5));
  std::vector<uint32_t> same_rows(16, 3);
  EXPECT_NE(band_key(same_rows.data(), 0, 8, 5), band_key(same_rows.data(), 1, 8, 5));
}

}  // namespace
}  // namespace corpusflow
