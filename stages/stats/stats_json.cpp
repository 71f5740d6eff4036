#include "stages/stats/stats_json.h"

#include <nlohmann/json.hpp>

#include "stages/stats/stats_error.h"

namespace corpusflow {

namespace {

double rate(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0.0; }

}  // namespace

nlohmann::json make_stats_json(const StatsAccumulator& stats, const RunMetrics& run) {
  nlohmann::json json = stats.to_json();
  nlohmann::json run_json = run_metrics_to_json(run);

  uint64_t in_compressed = 0;
  for (const auto& shard : run.shards) in_compressed += shard.compressed_bytes;
  uint64_t out_uncompressed = 0;
  uint64_t out_compressed = 0;
  for (const auto& output : run.outputs) {
    out_uncompressed += output.uncompressed_bytes;
    out_compressed += output.compressed_bytes;
  }
  json["bytes"]["in_compressed"] = in_compressed;
  json["bytes"]["out_uncompressed"] = out_uncompressed;
  json["bytes"]["out_compressed"] = out_compressed;

  double in_bytes = static_cast<double>(json["bytes"]["in"].get<uint64_t>());
  run_json["run"]["documents_per_second"] = rate(static_cast<double>(stats.documents()), run.wall_seconds);
  run_json["run"]["mb_per_second"] = rate(in_bytes / 1e6, run.wall_seconds);

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
  for (auto& [key, value] : run_json.items()) json[key] = std::move(value);
  return json;
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
