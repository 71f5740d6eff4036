// band_key: the LSH key of one band of a MinHash signature. Two signatures share a band when all its
// rows agree, and then (and, up to 2^-64 collisions, only then) their keys are equal.
#pragma once

#include <cstdint>

#include <xxhash.h>

namespace corpusflow {

// XXH3-64 of the band's `rows` values, seeded by `seed` + `band` so equal rows in different bands differ.
inline uint64_t band_key(const uint32_t* signature, int band, int rows, uint64_t seed) {
  return XXH3_64bits_withSeed(signature + static_cast<size_t>(band) * static_cast<size_t>(rows),
                              static_cast<size_t>(rows) * sizeof(uint32_t), seed + static_cast<uint64_t>(band));
}

}  // namespace corpusflow
