// ProgressSnapshot: what the pipeline has finished so far, sampled by the progress reporter from another thread.
#pragma once

#include <cstdint>

namespace corpusflow {

struct ProgressSnapshot {
  uint64_t documents = 0;  // documents written (kept + duplicates + filtered + rejected)
  uint64_t kept = 0;
  uint64_t duplicates = 0;
  uint64_t rejected = 0;
  uint64_t filtered = 0;
  uint64_t input_bytes = 0;      // uncompressed input bytes of the written batches
  uint64_t compressed_done = 0;  // compressed input bytes whose records are all written
};

}  // namespace corpusflow
