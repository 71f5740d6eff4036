#include "engine/report/stats_json.h"

#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"

namespace corpusflow {

namespace {

double rate(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0.0; }

}  // namespace

nlohmann::json make_stats_json(const StatsAccumulator& stats, const RunMetrics& run, size_t max_shards) {
  nlohmann::json json = stats.to_json();
  nlohmann::json run_json = run_metrics_to_json(run, max_shards);

  const RunTotals totals = run.totals();
  const uint64_t in_compressed = totals.compressed_bytes;
  const uint64_t in_uncompressed = totals.uncompressed_bytes;
  uint64_t out_uncompressed = 0;
  uint64_t out_compressed = 0;
  for (const auto& output : run.outputs) {
    out_uncompressed += output.uncompressed_bytes;
    out_compressed += output.compressed_bytes;
  }
  json["bytes"]["in_compressed"] = in_compressed;
  json["bytes"]["in_uncompressed"] = in_uncompressed;
  json["bytes"]["out_uncompressed"] = out_uncompressed;
  json["bytes"]["out_compressed"] = out_compressed;

  // The run's throughput, the one definition: records read and uncompressed input MB per wall second.
  run_json["run"]["documents_per_second"] = rate(static_cast<double>(stats.documents()), run.wall_seconds);
  run_json["run"]["mb_per_second"] = rate(static_cast<double>(in_uncompressed) / 1e6, run.wall_seconds);

  double busy_total = 0;
  for (const auto& stage : run.stages) busy_total += stage.busy_seconds;
  for (auto& stage : run_json["stages"]) {
    double busy = stage["busy_seconds"].get<double>();
    stage["documents_per_second"] = rate(static_cast<double>(stage["documents"].get<uint64_t>()), busy);
    stage["mb_per_second"] = rate(static_cast<double>(stage["bytes"].get<uint64_t>()) / 1e6, busy);
    stage["busy_percent"] = busy_total > 0 ? 100.0 * busy / busy_total : 0.0;
  }
  for (auto& [stream, output] : run_json["outputs"].items()) {
    uint64_t compressed = output["compressed_bytes"].get<uint64_t>();
    output["compression_ratio"] =
        compressed ? static_cast<double>(output["uncompressed_bytes"].get<uint64_t>()) / compressed : 0.0;
  }
  run_json["dedup"]["index_bytes_per_kept_document"] = run.dedup.index_bytes_per_kept_document();
  for (auto& [key, value] : run_json.items()) json[key] = std::move(value);
  return json;
}

std::string stats_json_text(const StatsAccumulator& stats, const RunMetrics& run) {
  nlohmann::json json = make_stats_json(stats, run, 0);
  // A string value's text never holds `"shards": "` (its quotes are escaped), so the marker is found once.
  const std::string marker = "\"shards\": \"\\u0000shards\"";
  json["shards"] = std::string("\0shards", 7);
  std::string text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  const size_t at = text.find(marker);
  if (at == std::string::npos) throw StatsFormatError("stats.json: the shards marker is missing");
  std::string out;
  out.reserve(text.size() + run.shards.size() * 360);
  out.append(text, 0, at).append("\"shards\": ");
  append_shards_json(run.shards, out);
  out.append(text, at + marker.size()).push_back('\n');
  return out;
}

nlohmann::json merge_stats_json(const std::vector<nlohmann::json>& parts) {
  if (parts.empty()) throw StatsFormatError("no stats to merge");
  StatsAccumulator merged = StatsAccumulator::from_json(parts.front());
  std::vector<RunMetrics> runs;
  runs.push_back(run_metrics_from_json(parts.front()));
  for (size_t i = 1; i < parts.size(); ++i) {
    merged.merge(StatsAccumulator::from_json(parts[i]));
    runs.push_back(run_metrics_from_json(parts[i]));
  }
  return make_stats_json(merged, merge_run_metrics(runs));
}

}  // namespace corpusflow
