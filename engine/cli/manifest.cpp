#include "engine/cli/manifest.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "core/json_escape.h"
#include "engine/cli/version.h"
#include "engine/graph/stage_list.h"
#include "io/output_layout.h"

namespace corpusflow {

std::string hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

namespace {

const char* to_string(ProgressMode mode) {
  switch (mode) {
    case ProgressMode::bar: return "bar";
    case ProgressMode::log: return "log";
    case ProgressMode::none: return "none";
    case ProgressMode::automatic: break;
  }
  return "auto";
}

nlohmann::json files_json(const std::vector<ShardFile>& files, const std::filesystem::path& out) {
  nlohmann::json list = nlohmann::json::array();
  for (const ShardFile& file : files) {
    list.push_back({{"path", std::filesystem::path(file.path).lexically_relative(out).string()},
                    {"records", file.records},
                    {"uncompressed_bytes", file.uncompressed_bytes},
                    {"compressed_bytes", file.compressed_bytes},
                    {"checksum_xxh3", hex64(file.checksum)}});
  }
  return list;
}

}  // namespace

nlohmann::json config_json(const RunConfig& config) {
  std::string dedup;
  for (auto [enabled, name] : {std::pair{config.dedup.exact, "exact"}, std::pair{config.dedup.url, "url"},
                               std::pair{config.dedup.near, "near"}}) {
    if (!enabled) continue;
    if (!dedup.empty()) dedup += ',';
    dedup += name;
  }
  nlohmann::json stages = nlohmann::json::array();
  for (const StageEntry& stage : stage_list(config)) stages.push_back(stage.name);
  return {
      {"stages", std::move(stages)},
      {"threads", config.threads},
      {"format", to_string(config.format)},
      {"dedup", dedup.empty() ? "none" : dedup},
      {"title_in_keys", config.dedup.title_in_keys},
      {"url_merge_http_https", config.dedup.url_merge_http_https},
      {"ngram", config.dedup.ngram},
      {"bands", config.dedup.bands},
      {"rows", config.dedup.rows},
      {"threshold", config.dedup.threshold},
      {"minhash_family", config.dedup.family == MinHashFamily::one_permutation ? "one_permutation" : "mod_prime"},
      {"minhash_seed", config.dedup.seed},
      {"index_memory_bytes", config.dedup.index_memory_bytes},
      {"keep_duplicates", config.encode.keep_duplicate_text},
      {"keep_filtered", config.encode.keep_filtered_text},
      {"filters",
       {{"enabled", config.filter.enabled},
        {"applied", config.filter.sources},
        {"boilerplate",
         {{"enabled", config.filter.boilerplate.enabled},
          {"min_documents", config.filter.boilerplate.min_documents},
          {"min_share", config.filter.boilerplate.min_share},
          {"block_batches", config.filter.boilerplate.block_batches}}}}},
      {"schema", to_string(config.encode.schema)},
      {"remove_tatweel", config.normalize.remove_tatweel},
      {"repair_repetition", config.normalize.repair_repetition},
      {"detect_language", config.normalize.detect_language},
      {"level", config.compression_level},
      {"shard_size_bytes", config.shard_size},
      {"max_record_bytes", config.batch.max_record_bytes},
      {"batch_bytes", config.batch.bytes},
      {"batch_records", config.batch.records},
      {"batches_per_thread", config.batches_per_thread},
      {"top_hosts", config.stats.top_hosts},
      {"on_error", config.fail_on_io_error ? "fail" : "skip"},
      {"progress", to_string(config.progress)},
  };
}

std::string manifest_text(const RunConfig& config, const std::vector<InputFile>& inputs, const RunOutput& output,
                          const std::vector<ManifestFile>& reports, const std::string& command_line,
                          const std::string& started_at) {
  std::string input_list = "[";
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ReaderCounts& counts = output.input_counts[i];
    input_list += i == 0 ? "\n    {\"path\": " : ",\n    {\"path\": ";
    append_json_string(input_list, inputs[i].path);
    input_list += ", \"format\": \"" + std::string(to_string(inputs[i].format)) +
                  "\", \"size\": " + std::to_string(inputs[i].size) + ", \"checksum_xxh3\": \"" +
                  hex64(counts.file_checksum) +
                  "\", \"uncompressed_bytes\": " + std::to_string(counts.uncompressed_bytes) +
                  ", \"records\": " + std::to_string(counts.records) +
                  ", \"skipped_members\": " + std::to_string(counts.skipped_members) +
                  ", \"skipped_by_kind\": " + nlohmann::json(counts.skipped_by_kind).dump() +
                  ", \"concatenated_archives\": " + std::to_string(counts.concatenated_archives) +
                  ", \"end_of_archive_missing\": " + (counts.end_of_archive_missing ? "true}" : "false}");
  }
  input_list += inputs.empty() ? "]" : "\n  ]";
  nlohmann::json skipped_list = nlohmann::json::array();
  for (const SkippedInputEntry& skipped : output.metrics.skipped_inputs) {
    skipped_list.push_back({{"path", skipped.path}, {"reason", skipped.reason}});
  }
  nlohmann::json report_list = nlohmann::json::array();
  for (const ManifestFile& file : reports) {
    report_list.push_back({{"path", file.name}, {"bytes", file.bytes}, {"checksum_xxh3", hex64(file.checksum)}});
  }
  const RunTotals totals = output.metrics.totals();
  nlohmann::json timings = nlohmann::json::object();
  for (const StageTiming& stage : output.metrics.stages) timings[stage.name] = stage.busy_seconds;
  const std::filesystem::path out = config.output;
  nlohmann::json manifest = {
      {"corpusflow_version", version()},
      {"corpusflow_commit", commit()},
      {"command", command_line},
      {"started_at", started_at},
      {"finished_at", utc_timestamp()},
      {"config", config_json(config)},
      {"inputs", std::string("\0inputs", 7)},
      {"skipped_inputs", skipped_list},
      {"outputs",
       {{kept_folder(config.encode.schema), files_json(output.data_files, out)},
        {output_layout::kDuplicates, files_json(output.duplicate_files, out)},
        {output_layout::kRejects, files_json(output.reject_files, out)},
        {output_layout::kFiltered, files_json(output.filtered_files, out)},
        {"reports", report_list}}},
      {"accounting",
       {{"read", totals.records},
        {"kept", totals.kept},
        {"duplicates", totals.duplicates},
        {"filtered", totals.filtered},
        {"rejected", totals.rejected},
        {"balanced", output.accounting_errors.empty()}}},
      {"timings", {{"wall_seconds", output.metrics.wall_seconds}, {"stage_busy_seconds", timings}}},
  };
  // A string value's text never holds `"inputs": "` (its quotes are escaped), so the marker is found once.
  std::string text = manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string marker = "\"inputs\": \"\\u0000inputs\"";
  const size_t at = text.find(marker);
  if (at == std::string::npos) throw std::logic_error("manifest: the inputs marker is missing");
  std::string result;
  result.reserve(text.size() + input_list.size() + 16);
  result.append(text, 0, at).append("\"inputs\": ").append(input_list).append(text, at + marker.size());
  result.push_back('\n');
  return result;
}

}  // namespace corpusflow
