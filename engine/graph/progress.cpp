#include "engine/graph/progress.h"

#include <unistd.h>

#include <cstdio>

#include "engine/graph/progress_line.h"
#include "engine/graph/terminal_width.h"

namespace corpusflow {

ProgressReporter::ProgressReporter(ProgressMode mode, uint64_t total_compressed_bytes,
                                   std::function<ProgressSnapshot()> sample)
    : total_compressed_bytes_(total_compressed_bytes),
      sample_(std::move(sample)),
      start_(std::chrono::steady_clock::now()) {
  if (mode == ProgressMode::automatic) mode = isatty(STDERR_FILENO) ? ProgressMode::bar : ProgressMode::none;
  if (mode == ProgressMode::none) return;
  bar_ = mode == ProgressMode::bar;
  active_ = true;
  thread_ = std::thread([this] { loop(); });
}

ProgressReporter::~ProgressReporter() { stop(false); }

void ProgressReporter::finish() { stop(true); }

void ProgressReporter::stop(bool done) {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  active_ = false;
  print(true, done);
}

void ProgressReporter::loop() {
  const auto interval = bar_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stop_; })) {
    print(false, false);
  }
}

void ProgressReporter::print(bool final, bool done) {
  const ProgressSnapshot now = sample_();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (bar_) {
    // The line stays shorter than the terminal, so \r returns to its start instead of to its last wrapped row.
    const std::string line =
        progress_bar_line(now, seconds, total_compressed_bytes_, done, terminal_width(STDERR_FILENO));
    std::fprintf(stderr, "\r%s\033[K%s", line.c_str(), final ? "\n" : "");
  } else {
    const std::string line =
        progress_log_line(now, seconds, total_compressed_bytes_, done, std::chrono::system_clock::now());
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

}  // namespace corpusflow
