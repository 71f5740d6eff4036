#include "stages/stats/stats_files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "stages/stats/report_html.h"
#include "stages/stats/run_metrics.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

namespace {

void write_atomically(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(temporary.string() + ": cannot open for writing: " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) throw std::runtime_error(temporary.string() + ": write failed: " + std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) throw std::runtime_error(path.string() + ": cannot rename from " + temporary.filename().string() + ": " + ec.message());
}

}  // namespace

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
  write_atomically(dir / "stats.json", stats.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  if (with_report) write_atomically(dir / "report.html", render_report_html(stats));
}

}  // namespace corpusflow
