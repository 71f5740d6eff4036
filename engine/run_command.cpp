#include "engine/run_command.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/manifest.h"
#include "engine/output_folder.h"
#include "engine/pipeline.h"
#include "io/atomic_file.h"
#include "stages/stats/report_html.h"
#include "stages/stats/stats_json.h"

namespace corpusflow {
namespace {

struct RunArguments {
  RunConfig config;
  std::string output;
  std::string format = "auto";
  std::string dedup = "exact,url,near";
  std::string progress = "auto";
  std::string on_error = "skip";
  std::string command_line;
};

void apply_dedup_choice(const std::string& choice, DedupConfig& dedup) {
  dedup.exact = dedup.url = dedup.near = false;
  if (choice == "none") return;
  std::stringstream list(choice);
  std::string kind;
  while (std::getline(list, kind, ',')) {
    if (kind == "exact") dedup.exact = true;
    else if (kind == "url") dedup.url = true;
    else if (kind == "near") dedup.near = true;
    else throw CLI::ValidationError("--dedup", "unknown kind '" + kind + "' (exact, url, near or none)");
  }
}

ProgressMode parse_progress(const std::string& mode) {
  if (mode == "bar") return ProgressMode::bar;
  if (mode == "log") return ProgressMode::log;
  if (mode == "none") return ProgressMode::none;
  return ProgressMode::automatic;
}

ManifestFile write_report_file(const std::filesystem::path& out, const char* name, const std::string& content) {
  write_file_atomically(out / name, content);
  return ManifestFile{name, content.size(), XXH3_64bits(content.data(), content.size())};
}

nlohmann::json dedup_json(const DeciderStats& stats) {
  return {{"decided", stats.decided},
          {"kept_in_index", stats.kept_in_index},
          {"near_in_index", stats.near_in_index},
          {"band_lookups", stats.band_lookups},
          {"candidates_checked", stats.candidates_checked},
          {"index_bytes", stats.index_bytes},
          {"index_bytes_per_kept_document",
           stats.kept_in_index > 0 ? static_cast<double>(stats.index_bytes) / static_cast<double>(stats.kept_in_index)
                                   : 0.0}};
}

void print_summary(const RunOutput& output, const std::filesystem::path& out) {
  uint64_t read = 0, kept = 0, duplicates = 0, rejected = 0, bytes = 0;
  for (const ShardAccount& shard : output.metrics.shards) {
    read += shard.records;
    kept += shard.kept;
    duplicates += shard.duplicates;
    rejected += shard.rejected;
    bytes += shard.uncompressed_bytes;
  }
  const double seconds = output.metrics.wall_seconds;
  std::printf("corpusflow run: %zu shard(s), %llu records read: %llu kept, %llu duplicates, %llu rejected\n",
              output.metrics.shards.size(), static_cast<unsigned long long>(read),
              static_cast<unsigned long long>(kept), static_cast<unsigned long long>(duplicates),
              static_cast<unsigned long long>(rejected));
  std::printf("  %.1f MB in %.2f s: %.1f MB/s, %.0f documents/s on %d thread(s), peak memory %.0f MiB\n",
              static_cast<double>(bytes) / 1e6, seconds, seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0,
              seconds > 0 ? static_cast<double>(read) / seconds : 0.0, output.metrics.threads,
              static_cast<double>(output.metrics.peak_rss_bytes) / (1 << 20));
  std::printf("  output: %s (corpusflow stats %s for the full table)\n", out.c_str(), out.c_str());
}

int execute(RunArguments& arguments) {
  RunConfig& config = arguments.config;
  config.output = arguments.output;
  config.progress = parse_progress(arguments.progress);
  config.fail_on_io_error = arguments.on_error == "fail";
  config.format = parse_input_format(arguments.format);
  apply_dedup_choice(arguments.dedup, config.dedup);

  std::vector<InputFile> inputs;
  try {
    inputs = list_inputs(config.inputs, config.format);
    prepare_output_folder(config.output, config.overwrite);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corpusflow run: %s\n", error.what());
    return kExitUsage;
  }

  const std::string started_at = utc_timestamp();
  RunOutput output;
  try {
    output = run_pipeline(config, inputs);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corpusflow run: failed: %s\n", error.what());
    return kExitFailed;
  }
  output.metrics.dedup = dedup_json(output.dedup);

  const nlohmann::json stats = make_stats_json(output.stats, output.metrics);
  std::vector<ManifestFile> reports;
  reports.push_back(write_report_file(config.output, "stats.json", stats.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"));
  reports.push_back(write_report_file(config.output, "report.html", render_report_html(stats)));

  if (!output.accounting_errors.empty()) {
    for (const std::string& error : output.accounting_errors) {
      std::fprintf(stderr, "corpusflow run: accounting mismatch: %s\n", error.c_str());
    }
    return kExitAccounting;  // no manifest: the run is not committed
  }
  const nlohmann::json manifest = make_manifest(config, inputs, output, reports, arguments.command_line, started_at);
  write_file_atomically(config.output / "manifest.json", manifest.dump(2) + "\n");
  print_summary(output, config.output);
  return kExitOk;
}

}  // namespace

void register_run_command(CLI::App& app, const std::string& command_line) {
  auto arguments = std::make_shared<RunArguments>();
  arguments->command_line = command_line;
  RunConfig& config = arguments->config;
  CLI::App* run = app.add_subcommand("run", "Clean, deduplicate and measure input shards into OUT");
  run->add_option("inputs", config.inputs, "Input shards: files, folders (walked, sorted) or globs")->required();
  run->add_option("-o,--output", arguments->output, "Output folder")->required();
  run->add_option("--threads", config.threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  run->add_option("--format", arguments->format, "Input format")
      ->check(CLI::IsMember({"auto", "tar", "jsonl", "warc", "text"}))
      ->capture_default_str();
  run->add_option("--dedup", arguments->dedup, "Duplicate kinds to drop: any of exact,url,near, or none")
      ->capture_default_str();
  run->add_option("--ngram", config.dedup.ngram, "Shingle length in tokens")->check(CLI::Range(1, 64))
      ->capture_default_str();
  run->add_option("--bands", config.dedup.bands, "LSH bands")->check(CLI::Range(1, 256))->capture_default_str();
  run->add_option("--rows", config.dedup.rows, "LSH rows per band")->check(CLI::Range(1, 64))->capture_default_str();
  run->add_option("--threshold", config.dedup.threshold, "Near-duplicate threshold on estimated Jaccard")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  run->add_option("--index-memory", config.dedup.index_memory_bytes, "Memory budget of the dedup index (e.g. 8GiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_flag("--keep-duplicates", config.encode.keep_duplicate_text,
                "Also write the text of duplicates to OUT/duplicates, for audits");
  run->add_option("--level", config.compression_level, "zstd level of the output")->check(CLI::Range(1, 19))
      ->capture_default_str();
  run->add_option("--shard-size", config.shard_size, "Rotate output parts at this uncompressed size (e.g. 256MiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_option("--max-record-size", config.max_record_bytes, "Reject larger records as too_large (e.g. 64MiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_option("--batch-size", config.batch_bytes, "Input bytes per batch (e.g. 2MiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_option("--top-hosts", config.stats.top_hosts, "Hosts listed in the stats")->capture_default_str();
  run->add_flag("--no-tatweel-removal{false}", config.normalize.remove_tatweel, "Keep Arabic tatweel in the output");
  run->add_option("--progress", arguments->progress, "Progress on stderr")
      ->check(CLI::IsMember({"auto", "bar", "log", "none"}))
      ->capture_default_str();
  run->add_option("--on-error", arguments->on_error, "skip: reject bad records and go on; fail: stop at the first io error")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  run->add_flag("--overwrite", config.overwrite, "Replace a finished run in OUT");
  run->callback([arguments] {
    const int code = execute(*arguments);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace corpusflow
