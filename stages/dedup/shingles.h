// Shingles: the 64-bit hashes of every run of n consecutive tokens, the set that MinHash samples.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace corpusflow {

// Fills `out` with one hash per position: XXH3-64 over the n consecutive XXH3-64 token hashes, so a
// shingle does not depend on what separated its tokens in the text. Empty when there are fewer than n
// tokens (or n < 1). Repeated shingles are not removed: MinHash treats the hashes as a set anyway.
void shingle_hashes(const std::vector<std::string_view>& tokens, int ngram, std::vector<uint64_t>& out);

}  // namespace corpusflow
