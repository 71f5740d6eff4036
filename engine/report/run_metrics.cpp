#include "engine/report/run_metrics.h"

#include <algorithm>

#include "core/json_escape.h"
#include "stages/stats/json_read.h"

namespace corpusflow {

namespace {

nlohmann::json dedup_to_json(const DedupMetrics& dedup) {
  return {{"decided", dedup.decided},
          {"kept_in_index", dedup.kept_in_index},
          {"near_in_index", dedup.near_in_index},
          {"band_lookups", dedup.band_lookups},
          {"candidates_checked", dedup.candidates_checked},
          {"index_bytes", dedup.index_bytes}};
}

DedupMetrics dedup_from_json(const nlohmann::json& json) {
  using json_read::unsigned_or;
  const std::string path = "dedup";
  DedupMetrics dedup;
  dedup.decided = unsigned_or(json, "decided", 0, path);
  dedup.kept_in_index = unsigned_or(json, "kept_in_index", 0, path);
  dedup.near_in_index = unsigned_or(json, "near_in_index", 0, path);
  dedup.band_lookups = unsigned_or(json, "band_lookups", 0, path);
  dedup.candidates_checked = unsigned_or(json, "candidates_checked", 0, path);
  dedup.index_bytes = unsigned_or(json, "index_bytes", 0, path);
  return dedup;
}

nlohmann::json ids_to_json(const IdMetrics& ids) {
  return {{"from_input", ids.from_input},
          {"derived", ids.derived},
          {"repeated", ids.repeated},
          {"table_bytes", ids.table_bytes},
          {"repeated_examples", ids.repeated_examples}};
}

IdMetrics ids_from_json(const nlohmann::json& json) {
  using json_read::unsigned_or;
  const std::string path = "ids";
  IdMetrics ids;
  ids.from_input = unsigned_or(json, "from_input", 0, path);
  ids.derived = unsigned_or(json, "derived", 0, path);
  ids.repeated = unsigned_or(json, "repeated", 0, path);
  ids.table_bytes = unsigned_or(json, "table_bytes", 0, path);
  if (const auto examples = json.find("repeated_examples"); examples != json.end() && examples->is_array()) {
    for (const auto& example : *examples) {
      if (example.is_string()) ids.repeated_examples.push_back(example.get<std::string>());
    }
  }
  return ids;
}

}  // namespace

void IdMetrics::merge(const IdMetrics& other) {
  from_input += other.from_input;
  derived += other.derived;
  repeated += other.repeated;
  table_bytes += other.table_bytes;
  for (const std::string& example : other.repeated_examples) {
    if (repeated_examples.size() < 5) repeated_examples.push_back(example);
  }
}

RunTotals RunMetrics::totals() const {
  RunTotals totals;
  for (const ShardAccount& shard : shards) {
    totals.records += shard.records;
    totals.kept += shard.kept;
    totals.duplicates += shard.duplicates;
    totals.rejected += shard.rejected;
    totals.filtered += shard.filtered;
    totals.uncompressed_bytes += shard.uncompressed_bytes;
    totals.compressed_bytes += shard.compressed_bytes;
  }
  return totals;
}

void DedupMetrics::merge(const DedupMetrics& other) {
  decided += other.decided;
  kept_in_index += other.kept_in_index;
  near_in_index += other.near_in_index;
  band_lookups += other.band_lookups;
  candidates_checked += other.candidates_checked;
  index_bytes += other.index_bytes;
}

nlohmann::json run_metrics_to_json(const RunMetrics& run, size_t max_shards) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& stage : run.stages) {
    stages.push_back({{"name", stage.name},
                      {"busy_seconds", stage.busy_seconds},
                      {"documents", stage.documents},
                      {"bytes", stage.bytes}});
  }
  nlohmann::json shards = nlohmann::json::array();
  for (const auto& shard : run.shards) {
    if (shards.size() == max_shards) break;
    shards.push_back({{"path", shard.path},
                      {"compressed_bytes", shard.compressed_bytes},
                      {"uncompressed_bytes", shard.uncompressed_bytes},
                      {"records", shard.records},
                      {"kept", shard.kept},
                      {"duplicates", shard.duplicates},
                      {"rejected", shard.rejected},
                      {"filtered", shard.filtered},
                      {"skipped_members", shard.skipped_members},
                      {"skipped_by_kind", shard.skipped_by_kind},
                      {"concatenated_archives", shard.concatenated_archives},
                      {"end_of_archive_missing", shard.end_of_archive_missing}});
  }
  nlohmann::json skipped_inputs = nlohmann::json::array();
  for (const auto& skipped : run.skipped_inputs) {
    skipped_inputs.push_back({{"path", skipped.path}, {"reason", skipped.reason}});
  }
  nlohmann::json outputs = nlohmann::json::object();
  for (const auto& output : run.outputs) {
    outputs[output.stream] = {{"files", output.files},
                              {"records", output.records},
                              {"uncompressed_bytes", output.uncompressed_bytes},
                              {"compressed_bytes", output.compressed_bytes}};
  }
  return {
      {"run",
       {{"wall_seconds", run.wall_seconds},
        {"threads", run.threads},
        {"peak_rss_bytes", run.peak_rss_bytes},
        {"parts", run.parts}}},
      {"stages", std::move(stages)},
      {"shards", std::move(shards)},
      {"shard_count", run.shards.size()},
      {"skipped_inputs", std::move(skipped_inputs)},
      {"outputs", std::move(outputs)},
      {"dedup", dedup_to_json(run.dedup)},
      {"ids", ids_to_json(run.ids)},
      {"filters", run.filters_json.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(run.filters_json)},
  };
}

void append_shards_json(const std::vector<ShardAccount>& shards, std::string& out) {
  if (shards.empty()) {
    out += "[]";
    return;
  }
  auto number = [&out](const char* key, uint64_t value, bool last = false) {
    out += "      \"";
    out += key;
    out += "\": ";
    out += std::to_string(value);
    out += last ? "\n" : ",\n";
  };
  out += "[\n";
  for (size_t i = 0; i < shards.size(); ++i) {
    const ShardAccount& shard = shards[i];
    // Keys in the order nlohmann's std::map keeps them: sorted.
    out += "    {\n";
    number("compressed_bytes", shard.compressed_bytes);
    number("concatenated_archives", shard.concatenated_archives);
    number("duplicates", shard.duplicates);
    out += "      \"end_of_archive_missing\": ";
    out += shard.end_of_archive_missing ? "true,\n" : "false,\n";
    number("filtered", shard.filtered);
    number("kept", shard.kept);
    out += "      \"path\": ";
    append_json_string(out, shard.path);
    out += ",\n";
    number("records", shard.records);
    number("rejected", shard.rejected);
    out += "      \"skipped_by_kind\": {";
    for (auto kind = shard.skipped_by_kind.begin(); kind != shard.skipped_by_kind.end(); ++kind) {
      if (kind != shard.skipped_by_kind.begin()) out += ", ";
      append_json_string(out, kind->first);
      out += ": " + std::to_string(kind->second);
    }
    out += "},\n";
    number("skipped_members", shard.skipped_members);
    number("uncompressed_bytes", shard.uncompressed_bytes, true);
    out += i + 1 < shards.size() ? "    },\n" : "    }\n";
  }
  out += "  ]";
}

RunMetrics run_metrics_from_json(const nlohmann::json& json) {
  using namespace json_read;
  RunMetrics run;
  const auto& run_json = member(json, "run", "");
  run.wall_seconds = number_at(run_json, "wall_seconds", "run");
  run.threads = static_cast<int>(unsigned_at(run_json, "threads", "run"));
  run.peak_rss_bytes = unsigned_at(run_json, "peak_rss_bytes", "run");
  run.parts = static_cast<int>(unsigned_or(run_json, "parts", 1, "run"));

  const auto& stages = member(json, "stages", "");
  if (!stages.is_array()) throw StatsFormatError("'stages' is not an array");
  for (const auto& stage : stages) {
    run.stages.push_back({string_at(stage, "name", "stages[]"), number_at(stage, "busy_seconds", "stages[]"),
                          unsigned_at(stage, "documents", "stages[]"), unsigned_at(stage, "bytes", "stages[]")});
  }
  const auto& shards = member(json, "shards", "");
  if (!shards.is_array()) throw StatsFormatError("'shards' is not an array");
  for (const auto& shard : shards) {
    const char* path = "shards[]";
    run.shards.push_back({string_at(shard, "path", path),
                          unsigned_at(shard, "compressed_bytes", path),
                          unsigned_at(shard, "uncompressed_bytes", path),
                          unsigned_at(shard, "records", path),
                          unsigned_at(shard, "kept", path),
                          unsigned_at(shard, "duplicates", path),
                          unsigned_at(shard, "rejected", path),
                          unsigned_at(shard, "skipped_members", path),
                          unsigned_or(shard, "concatenated_archives", 0, path),
                          shard.value("end_of_archive_missing", false),
                          {}});
    run.shards.back().filtered = unsigned_or(shard, "filtered", 0, path);
    if (shard.contains("skipped_by_kind") && shard["skipped_by_kind"].is_object()) {
      for (const auto& [kind, count] : shard["skipped_by_kind"].items()) {
        if (count.is_number_unsigned()) run.shards.back().skipped_by_kind[kind] = count.get<uint64_t>();
      }
    }
  }
  if (json.contains("skipped_inputs")) {
    const auto& skipped_inputs = member(json, "skipped_inputs", "");
    if (!skipped_inputs.is_array()) throw StatsFormatError("'skipped_inputs' is not an array");
    for (const auto& skipped : skipped_inputs) {
      run.skipped_inputs.push_back(
          {string_at(skipped, "path", "skipped_inputs[]"), string_at(skipped, "reason", "skipped_inputs[]")});
    }
  }
  const auto& outputs = member(json, "outputs", "");
  if (!outputs.is_object()) throw StatsFormatError("'outputs' is not an object");
  for (const auto& [stream, output] : outputs.items()) {
    std::string path = "outputs." + stream;
    run.outputs.push_back({stream, unsigned_at(output, "files", path), unsigned_at(output, "records", path),
                           unsigned_at(output, "uncompressed_bytes", path),
                           unsigned_at(output, "compressed_bytes", path)});
  }
  const auto& dedup = member(json, "dedup", "");
  if (!dedup.is_object()) throw StatsFormatError("'dedup' is not an object");
  run.dedup = dedup_from_json(dedup);
  if (const auto ids = json.find("ids"); ids != json.end() && ids->is_object()) run.ids = ids_from_json(*ids);
  if (const auto filters = json.find("filters"); filters != json.end() && filters->is_object()) {
    run.filters_json = filters->dump();
  }
  return run;
}

namespace {

// Adds the counts of `from` into `into` (numbers add, objects recurse); value quantiles are dropped.
void add_counts(nlohmann::json& into, const nlohmann::json& from) {
  for (const auto& [key, value] : from.items()) {
    if (key == "values" || key == "limit") continue;
    if (value.is_number_unsigned()) {
      into[key] = into.value(key, uint64_t{0}) + value.get<uint64_t>();
    } else if (value.is_object()) {
      if (!into.contains(key) || !into[key].is_object()) into[key] = nlohmann::json::object();
      add_counts(into[key], value);
    } else if (!into.contains(key)) {
      into[key] = value;
    }
  }
}

void merge_filters(std::string& into, const std::string& from) {
  if (from.empty()) return;
  nlohmann::json merged = into.empty() ? nlohmann::json::object() : nlohmann::json::parse(into);
  add_counts(merged, nlohmann::json::parse(from));
  into = merged.dump();
}

}  // namespace

RunMetrics merge_run_metrics(const std::vector<RunMetrics>& parts) {
  RunMetrics merged;
  merged.parts = 0;
  for (const auto& part : parts) {
    merged.wall_seconds += part.wall_seconds;
    merged.threads = std::max(merged.threads, part.threads);
    merged.peak_rss_bytes = std::max(merged.peak_rss_bytes, part.peak_rss_bytes);
    merged.parts += part.parts;
    for (const auto& stage : part.stages) {
      auto it = std::find_if(merged.stages.begin(), merged.stages.end(),
                             [&](const StageTiming& s) { return s.name == stage.name; });
      if (it == merged.stages.end()) {
        merged.stages.push_back(stage);
      } else {
        it->busy_seconds += stage.busy_seconds;
        it->documents += stage.documents;
        it->bytes += stage.bytes;
      }
    }
    merged.shards.insert(merged.shards.end(), part.shards.begin(), part.shards.end());
    merged.skipped_inputs.insert(merged.skipped_inputs.end(), part.skipped_inputs.begin(), part.skipped_inputs.end());
    for (const auto& output : part.outputs) {
      auto it = std::find_if(merged.outputs.begin(), merged.outputs.end(),
                             [&](const OutputAccount& o) { return o.stream == output.stream; });
      if (it == merged.outputs.end()) {
        merged.outputs.push_back(output);
      } else {
        it->files += output.files;
        it->records += output.records;
        it->uncompressed_bytes += output.uncompressed_bytes;
        it->compressed_bytes += output.compressed_bytes;
      }
    }
    merged.dedup.merge(part.dedup);
    merged.ids.merge(part.ids);
    merge_filters(merged.filters_json, part.filters_json);
  }
  return merged;
}

}  // namespace corpusflow
