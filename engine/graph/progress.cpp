#include "engine/graph/progress.h"

#include <unistd.h>

#include <cstdio>

namespace corpusflow {

ProgressReporter::ProgressReporter(ProgressMode mode, uint64_t total_input_bytes,
                                   std::function<ProgressSnapshot()> sample)
    : total_input_bytes_(total_input_bytes), sample_(std::move(sample)), start_(std::chrono::steady_clock::now()) {
  if (mode == ProgressMode::automatic) mode = isatty(STDERR_FILENO) ? ProgressMode::bar : ProgressMode::none;
  if (mode == ProgressMode::none) return;
  bar_ = mode == ProgressMode::bar;
  active_ = true;
  thread_ = std::thread([this] { loop(); });
}

ProgressReporter::~ProgressReporter() { finish(); }

void ProgressReporter::finish() {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  active_ = false;
  print(true);
}

void ProgressReporter::loop() {
  const auto interval = bar_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stop_; })) {
    print(false);
  }
}

void ProgressReporter::print(bool final) {
  const ProgressSnapshot now = sample_();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb_per_s = seconds > 0 ? static_cast<double>(now.input_bytes) / 1e6 / seconds : 0.0;
  const double fraction =
      total_input_bytes_ > 0 ? static_cast<double>(now.compressed_done) / static_cast<double>(total_input_bytes_) : 1.0;
  const double eta = fraction > 0.001 ? seconds * (1.0 - fraction) / fraction : 0.0;
  char line[200];
  std::snprintf(line, sizeof line, "%llu documents  %.1f MB/s  %5.1f%%  %s %.0f s",
                static_cast<unsigned long long>(now.documents), mb_per_s, 100.0 * fraction,
                final ? "elapsed" : "ETA", final ? seconds : eta);
  if (bar_) {
    std::fprintf(stderr, "\r\033[K%s%s", line, final ? "\n" : "");
  } else {
    std::fprintf(stderr, "progress: %s\n", line);
  }
  std::fflush(stderr);
}

}  // namespace corpusflow
