// Reading and writing OUT/stats.json and OUT/report.html.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace corpusflow {

// Reads `path`/stats.json, or `path` itself when it is a file, and checks that it reads back as
// stats (StatsAccumulator::from_json and run_metrics_from_json). On failure returns nullopt and sets
// `error` to one line naming the file: missing, unreadable, not JSON (with the byte offset), or the
// missing/mistyped key.
std::optional<nlohmann::json> read_stats_file(const std::filesystem::path& path, std::string& error);

// Writes `dir`/stats.json (2-space indented; invalid UTF-8 in strings becomes U+FFFD) and, when
// `with_report`, `dir`/report.html, each through a *.tmp file renamed into place. Creates `dir`.
// Throws std::runtime_error naming the file when a write fails (a failed write must stop the run).
void write_stats_files(const std::filesystem::path& dir, const nlohmann::json& stats, bool with_report = true);

}  // namespace corpusflow
