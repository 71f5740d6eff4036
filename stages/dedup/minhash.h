// MinHasher: the K-value MinHash signature of a set of 64-bit shingle hashes, for either permutation
// family of DedupConfig. Two signatures agree in a slot with probability ~ the Jaccard similarity of the
// sets, so agreement / K estimates it. Slots keep the low 32 bits of the minimum: two different minima
// collide with probability 2^-32, which raises an estimate by about (1 - J) * 2^-32 (negligible).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "stages/dedup/dedup_config.h"

namespace corpusflow {

class MinHasher {
 public:
  MinHasher(MinHashFamily family, int size, uint64_t seed);

  // `out` gets size() values. An empty set gives all-zero slots (callers skip such documents).
  void signature(std::span<const uint64_t> shingles, std::vector<uint32_t>& out) const;

  int size() const { return size_; }
  MinHashFamily family() const { return family_; }

 private:
  void signature_mod_prime(std::span<const uint64_t> shingles, uint32_t* out) const;
  void signature_one_permutation(std::span<const uint64_t> shingles, uint32_t* out) const;

  MinHashFamily family_;
  int size_;
  uint64_t seed_;
  std::vector<uint64_t> a_, b_;         // mod_prime: coefficients in [1, p) and [0, p)
  mutable std::vector<uint64_t> bins_;  // one_permutation scratch (a MinHasher is per thread)
};

// Signature agreement: slots where a and b hold the same value (a and b of equal size).
int signature_agreement(const uint32_t* a, const uint32_t* b, int size);

}  // namespace corpusflow
