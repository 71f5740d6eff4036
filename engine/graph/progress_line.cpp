#include "engine/graph/progress_line.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace corpusflow {
namespace {

constexpr double kPercentBeforeDone = 99.9;
constexpr int kMinBarCells = 10;
constexpr int kMaxBarCells = 60;

std::string printf_string(const char* format, auto... values) {
  char buffer[128];
  const int length = std::snprintf(buffer, sizeof buffer, format, values...);
  return std::string(buffer, static_cast<size_t>(std::clamp(length, 0, static_cast<int>(sizeof buffer) - 1)));
}

std::string percent_text(double percent) { return printf_string("%5.1f%%", percent); }

std::string utc_iso8601(std::chrono::system_clock::time_point now) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string bar_cells(double percent, int cells) {
  const int filled = std::clamp(static_cast<int>(percent / 100.0 * cells), 0, cells);
  return " [" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(cells - filled), '-') +
         "]";
}

}  // namespace

ProgressFigures progress_figures(const ProgressSnapshot& snapshot, double elapsed_seconds, uint64_t total_compressed,
                                 bool done) {
  ProgressFigures figures;
  const double fraction =
      total_compressed > 0
          ? std::min(1.0, static_cast<double>(snapshot.compressed_done) / static_cast<double>(total_compressed))
          : (done ? 1.0 : 0.0);
  figures.percent = done ? 100.0 : std::min(100.0 * fraction, kPercentBeforeDone);
  if (elapsed_seconds > 0) {
    figures.mb_per_s = static_cast<double>(snapshot.input_bytes) / 1e6 / elapsed_seconds;
    if (!done && fraction > 0) figures.eta_seconds = elapsed_seconds * (1.0 - fraction) / fraction;
  }
  return figures;
}

std::string format_duration(std::optional<double> seconds) {
  if (!seconds || !std::isfinite(*seconds)) return "--";
  const auto total = static_cast<long long>(std::llround(std::max(0.0, *seconds)));
  if (total < 60) return printf_string("%llds", total);
  if (total < 3600) return printf_string("%lldm%02llds", total / 60, total % 60);
  return printf_string("%lldh%02lldm", total / 3600, total % 3600 / 60);
}

std::string progress_bar_line(const ProgressSnapshot& snapshot, double elapsed_seconds, uint64_t total_compressed,
                              bool done, int width) {
  const ProgressFigures figures = progress_figures(snapshot, elapsed_seconds, total_compressed, done);
  const auto limit = static_cast<size_t>(std::max(0, width - 1));
  const std::string percent = percent_text(figures.percent);
  const std::string documents = printf_string("  %llu docs", static_cast<unsigned long long>(snapshot.documents));
  const std::string rate = printf_string("  %.1f MB/s", figures.mb_per_s);
  const std::string time =
      done ? "  elapsed " + format_duration(elapsed_seconds) : "  ETA " + format_duration(figures.eta_seconds);
  bool show_documents = true, show_rate = true, show_time = true;
  const auto numbers = [&] {
    return (show_documents ? documents : "") + (show_rate ? rate : "") + (show_time ? time : "");
  };
  std::string text = numbers();
  const size_t bar_frame = 3;  // " [" and "]"
  if (percent.size() + text.size() + bar_frame + kMinBarCells <= limit) {
    const size_t cells = std::min<size_t>(kMaxBarCells, limit - percent.size() - text.size() - bar_frame);
    return percent + bar_cells(figures.percent, static_cast<int>(cells)) + text;
  }
  for (bool* shown : {&show_rate, &show_time, &show_documents}) {
    if (percent.size() + text.size() <= limit) break;
    *shown = false;
    text = numbers();
  }
  return (percent + text).substr(0, limit);
}

std::string progress_log_line(const ProgressSnapshot& snapshot, double elapsed_seconds, uint64_t total_compressed,
                              bool done, std::chrono::system_clock::time_point now) {
  const ProgressFigures figures = progress_figures(snapshot, elapsed_seconds, total_compressed, done);
  return "progress: " + utc_iso8601(now) + "  " + percent_text(figures.percent) + "  " +
         printf_string("%llu documents: %llu kept, %llu duplicates, %llu rejected  %.1f MB/s",
                       static_cast<unsigned long long>(snapshot.documents),
                       static_cast<unsigned long long>(snapshot.kept),
                       static_cast<unsigned long long>(snapshot.duplicates),
                       static_cast<unsigned long long>(snapshot.rejected), figures.mb_per_s) +
         (done ? "  elapsed " + format_duration(elapsed_seconds) : "  ETA " + format_duration(figures.eta_seconds));
}

}  // namespace corpusflow
