// The lines a block of batches found to be boilerplate of their host (stages/filter/boilerplate_stage.h): one
// key per (host, line), shared read-only by the block's batches.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace corpusflow {

struct BoilerplateLines {
  std::vector<uint64_t> keys;  // sorted boilerplate_key()s

  bool contains(uint64_t key) const { return std::binary_search(keys.begin(), keys.end(), key); }
};

// The key of a line (Document::line_keys) on a host (host_key()).
inline uint64_t boilerplate_key(uint64_t host, uint64_t line) {
  const uint64_t mixed = (host ^ (line * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
  return mixed ^ (mixed >> 31);
}

uint64_t host_key(std::string_view host);

}  // namespace corpusflow
