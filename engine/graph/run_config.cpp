#include "engine/graph/run_config.h"

#include <oneapi/tbb/info.h>

#include <algorithm>

namespace corpusflow {

void resolve(RunConfig& config) {
  if (config.threads <= 0) config.threads = std::max(1, tbb::info::default_concurrency());
  config.normalize.keep_fingerprint_text = config.dedup.enabled();
  config.batches_per_thread = std::max(1, config.batches_per_thread);
}

size_t batches_in_flight(const RunConfig& config) {
  const size_t block = config.filter.boilerplate.enabled ? config.filter.boilerplate.block_batches : 0;
  return static_cast<size_t>(config.threads) * static_cast<size_t>(config.batches_per_thread) + 2 + block;
}

}  // namespace corpusflow
