// The process's peak resident memory so far (getrusage), as the run's summary and stats.json report it.
#pragma once

#include <cstdint>

namespace corpusflow {

uint64_t peak_rss_bytes();

}  // namespace corpusflow
