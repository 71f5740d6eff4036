#include "engine/graph/peak_memory.h"

#include <sys/resource.h>

namespace corpusflow {

uint64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

}  // namespace corpusflow
