#include "engine/report/stats_files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "engine/report/report_html.h"
#include "engine/report/run_metrics.h"
#include "io/atomic_file.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

std::optional<nlohmann::json> read_stats_file(const std::filesystem::path& path, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    error = path.string() + ": not found (give a run's output directory or its stats.json)";
    return std::nullopt;
  }
  std::filesystem::path file = std::filesystem::is_directory(path, ec) ? path / "stats.json" : path;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = file.string() + ": cannot open (" + std::strerror(errno) + ")";
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(buffer.str());
  } catch (const nlohmann::json::parse_error& e) {
    error = file.string() + ": not valid JSON at byte " + std::to_string(e.byte) + "";
    return std::nullopt;
  }
  try {
    (void)StatsAccumulator::from_json(json);
    (void)run_metrics_from_json(json);
  } catch (const std::exception& e) {
    error = file.string() + ": not a corpusflow stats file: " + e.what();
    return std::nullopt;
  }
  return json;
}

void write_stats_files(const std::filesystem::path& dir, const nlohmann::json& stats, bool with_report) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir.string() + ": cannot create directory: " + ec.message());
  write_file_atomically(dir / "stats.json", stats.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  if (with_report) write_file_atomically(dir / "report.html", render_report_html(stats));
}

}  // namespace corpusflow
