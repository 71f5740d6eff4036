// Progress: a bar on a terminal or a timestamped line every few seconds on stderr while a run goes on.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "engine/graph/progress_snapshot.h"
#include "engine/graph/run_config.h"

namespace corpusflow {

// Owns a thread that samples `sample()` and prints; a bar rewritten in place, or a line every few seconds.
class ProgressReporter {
 public:
  // total_compressed_bytes: compressed size of every input, the whole of what compressed_done counts towards.
  ProgressReporter(ProgressMode mode, uint64_t total_compressed_bytes, std::function<ProgressSnapshot()> sample);
  ~ProgressReporter();  // a run that did not finish: stops and prints its last line short of 100%
  void finish();        // the run is done: stops and prints the final line at 100%

 private:
  void stop(bool done);
  void loop();
  void print(bool final, bool done);

  bool bar_ = false;
  bool active_ = false;
  uint64_t total_compressed_bytes_;
  std::function<ProgressSnapshot()> sample_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace corpusflow
