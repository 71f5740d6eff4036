#include "stages/dedup/minhash.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace corpusflow {
namespace {

constexpr uint64_t kMersenne61 = (uint64_t{1} << 61) - 1;

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// MurmurHash3's finalizer: a bijection of 64-bit values, so it permutes the shingle universe.
uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

uint64_t mod_mersenne61(unsigned __int128 x) {
  uint64_t r = static_cast<uint64_t>(x & kMersenne61) + static_cast<uint64_t>(x >> 61);
  r = (r & kMersenne61) + (r >> 61);
  return r >= kMersenne61 ? r - kMersenne61 : r;
}

uint32_t bin_of(uint64_t value, int bins) {
  return static_cast<uint32_t>((static_cast<unsigned __int128>(value) * static_cast<uint64_t>(bins)) >> 64);
}

}  // namespace

MinHasher::MinHasher(MinHashFamily family, int size, uint64_t seed) : family_(family), size_(size), seed_(seed) {
  if (size < 1) throw std::invalid_argument("MinHash signature size must be at least 1");
  if (family == MinHashFamily::mod_prime) {
    uint64_t state = seed;
    a_.resize(static_cast<size_t>(size));
    b_.resize(static_cast<size_t>(size));
    for (int i = 0; i < size; ++i) {
      a_[static_cast<size_t>(i)] = 1 + splitmix64(state) % (kMersenne61 - 1);
      b_[static_cast<size_t>(i)] = splitmix64(state) % kMersenne61;
    }
  }
}

void MinHasher::signature(std::span<const uint64_t> shingles, std::vector<uint32_t>& out) const {
  out.assign(static_cast<size_t>(size_), 0);
  if (shingles.empty()) return;
  if (family_ == MinHashFamily::mod_prime) {
    signature_mod_prime(shingles, out.data());
  } else {
    signature_one_permutation(shingles, out.data());
  }
}

void MinHasher::signature_mod_prime(std::span<const uint64_t> shingles, uint32_t* out) const {
  const size_t k = static_cast<size_t>(size_);
  bins_.assign(k, std::numeric_limits<uint64_t>::max());
  for (uint64_t shingle : shingles) {
    const uint64_t x = mod_mersenne61(shingle);
    for (size_t i = 0; i < k; ++i) {
      const uint64_t h = mod_mersenne61(static_cast<unsigned __int128>(a_[i]) * x + b_[i]);
      bins_[i] = std::min(bins_[i], h);
    }
  }
  for (size_t i = 0; i < k; ++i) out[i] = static_cast<uint32_t>(bins_[i]);
}

// One permutation splits the permuted universe into K equal ranges (bins) and keeps each bin's minimum.
// An empty bin borrows the value of the first non-empty bin on its own pseudo-random probe sequence
// (optimal densification, Shrivastava 2017): the sequence depends only on the bin and the seed, so two
// documents borrow alike and agreement still estimates Jaccard without bias.
void MinHasher::signature_one_permutation(std::span<const uint64_t> shingles, uint32_t* out) const {
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  const size_t k = static_cast<size_t>(size_);
  bins_.assign(k, kEmpty);
  for (uint64_t shingle : shingles) {
    const uint64_t v = fmix64(shingle ^ seed_);
    uint64_t& bin = bins_[bin_of(v, size_)];
    bin = std::min(bin, v);
  }
  for (size_t i = 0; i < k; ++i) {
    uint64_t v = bins_[i];
    for (uint64_t attempt = 1; v == kEmpty; ++attempt) {
      const uint64_t probe = fmix64((seed_ + 0x9e3779b97f4a7c15ull) ^ ((uint64_t{i} << 32) | attempt));
      v = bins_[bin_of(probe, size_)];
      if (attempt > 64 * k && v == kEmpty) {
        // Unreachable in practice (one non-empty bin is found with probability 1 - (1 - 1/K)^attempt);
        // a fixed fallback keeps termination certain.
        for (size_t j = 0; j < k && v == kEmpty; ++j) v = bins_[(i + j) % k];
      }
    }
    out[i] = static_cast<uint32_t>(v);
  }
}

int signature_agreement(const uint32_t* a, const uint32_t* b, int size) {
  int same = 0;
  for (int i = 0; i < size; ++i) same += a[i] == b[i] ? 1 : 0;
  return same;
}

}  // namespace corpusflow
