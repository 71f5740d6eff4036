// Busy time, documents and bytes per pipeline stage, summed across threads with relaxed atomics. The stages
// are named at construction (read, the stage list's stages, write), in graph order.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "engine/report/run_metrics.h"

namespace corpusflow {

class StageClock {
 public:
  explicit StageClock(std::vector<std::string> names);

  // Times `work` and credits it to stage `index` with the documents and bytes it handled.
  template <typename Work>
  void measure(size_t index, uint64_t documents, uint64_t bytes, Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    add(index, std::chrono::steady_clock::now() - start, documents, bytes);
  }

  void add(size_t index, std::chrono::steady_clock::duration elapsed, uint64_t documents, uint64_t bytes) {
    Counters& counters = counters_[index];
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
  std::vector<std::string> names_;
  std::deque<Counters> counters_;  // atomics neither move nor copy
};

}  // namespace corpusflow
