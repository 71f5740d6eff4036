// Busy time, documents and bytes per pipeline stage, summed across threads with relaxed atomics.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/report/run_metrics.h"

namespace corpusflow {

enum class Stage { read, parse, normalize, fingerprint, decide, stats, encode, compress, write, count };

const char* to_string(Stage stage);

class StageClock {
 public:
  // Times `work` and credits it to `stage` with the documents and bytes it handled.
  template <typename Work>
  void measure(Stage stage, uint64_t documents, uint64_t bytes, Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    Counters& counters = counters_[static_cast<size_t>(stage)];
    counters.nanoseconds.fetch_add(
        static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()),
        std::memory_order_relaxed);
    counters.documents.fetch_add(documents, std::memory_order_relaxed);
    counters.bytes.fetch_add(bytes, std::memory_order_relaxed);
  }

  std::vector<StageTiming> timings() const;

 private:
  struct Counters {
    std::atomic<uint64_t> nanoseconds{0};
    std::atomic<uint64_t> documents{0};
    std::atomic<uint64_t> bytes{0};
  };
  std::array<Counters, static_cast<size_t>(Stage::count)> counters_;
};

}  // namespace corpusflow
