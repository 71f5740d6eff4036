// Progress: a line on stderr while a run goes on (documents, MB/s, percent of input bytes, ETA).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "engine/graph/run_config.h"

namespace corpusflow {

struct ProgressSnapshot {
  uint64_t documents = 0;          // documents written so far (kept + duplicates + rejected)
  uint64_t kept = 0;
  uint64_t duplicates = 0;
  uint64_t rejected = 0;
  uint64_t input_bytes = 0;        // uncompressed input bytes of the written batches
  uint64_t compressed_done = 0;    // compressed input bytes whose records are all written
};

// Owns a thread that samples `sample()` and prints; a bar rewritten in place, or a line every few seconds.
class ProgressReporter {
 public:
  ProgressReporter(ProgressMode mode, uint64_t total_input_bytes, std::function<ProgressSnapshot()> sample);
  ~ProgressReporter();
  void finish();  // prints the final line (bar mode) and stops the thread

 private:
  void loop();
  void print(bool final);

  bool bar_ = false;
  bool active_ = false;
  uint64_t total_input_bytes_;
  std::function<ProgressSnapshot()> sample_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace corpusflow
