// The progress lines as pure functions of a snapshot: the terminal bar fitted to a width, and the batch-log line.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "engine/graph/progress_snapshot.h"

namespace corpusflow {

struct ProgressFigures {
  double percent = 0;                 // below 100 (at most 99.9) until the run is done
  double mb_per_s = 0;                // uncompressed input MB (1e6 bytes) written per second
  std::optional<double> eta_seconds;  // unknown before any input is done
};

// total_compressed: compressed size of every input; done: the run has ended (finish()).
ProgressFigures progress_figures(const ProgressSnapshot& snapshot, double elapsed_seconds, uint64_t total_compressed,
                                 bool done);

// "42s", "3m07s", "1h02m"; "--" when unknown.
std::string format_duration(std::optional<double> seconds);

// " 42.3% [######------] 12345 docs  85.2 MB/s  ETA 1m23s", at most width-1 columns: the bar shrinks, then goes,
// then MB/s, ETA and the documents go in that order; the percent alone is cut to fit.
std::string progress_bar_line(const ProgressSnapshot& snapshot, double elapsed_seconds, uint64_t total_compressed,
                              bool done, int width);

// "progress: 2026-11-29T01:38:49Z  42.3%  12345 documents: 10000 kept, 2000 duplicates, 345 rejected  85.2 MB/s
// ETA 1m23s" (one line); the final line says "elapsed" instead of "ETA".
std::string progress_log_line(const ProgressSnapshot& snapshot, double elapsed_seconds, uint64_t total_compressed,
                              bool done, std::chrono::system_clock::time_point now);

}  // namespace corpusflow
