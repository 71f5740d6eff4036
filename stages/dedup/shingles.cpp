#include "stages/dedup/shingles.h"

// Inlined: the shingle hashes are the hot loop of fingerprinting.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace corpusflow {

void shingle_hashes(const std::vector<std::string_view>& tokens, int ngram, std::vector<uint64_t>& out) {
  out.clear();
  if (ngram < 1 || tokens.size() < static_cast<size_t>(ngram)) return;
  out.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) out[i] = XXH3_64bits(tokens[i].data(), tokens[i].size());
  const size_t n = static_cast<size_t>(ngram);
  const size_t count = tokens.size() - n + 1;
  // In place: shingle i reads token hashes i..i+n-1, which no earlier shingle has overwritten.
  for (size_t i = 0; i < count; ++i) out[i] = XXH3_64bits(&out[i], n * sizeof(uint64_t));
  out.resize(count);
}

}  // namespace corpusflow
