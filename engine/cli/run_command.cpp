#include "engine/cli/run_command.h"

#include <xxhash.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/cli/manifest.h"
#include "engine/graph/peak_memory.h"
#include "engine/graph/pipeline.h"
#include "engine/report/report_html.h"
#include "engine/report/stats_json.h"
#include "io/atomic_file.h"
#include "io/output_folder.h"
#include "io/output_layout.h"

namespace corpusflow {
namespace {

struct RunArguments {
  RunConfig config;
  std::string output;
  std::string format = "auto";
  std::string dedup = "exact,url,near";
  std::string progress = "auto";
  std::string on_error = "skip";
  std::string html = "extract";
  std::string schema = "corpusflow";
  std::string filters_file;                  // --filters FILE
  std::vector<std::string> filter_settings;  // --filter [LANG:]RULE=VALUE, in order
  bool no_filters = false;
  bool no_boilerplate = false;
  std::string command_line;
};

// The built-in filter config, then the file, then each setting; exit 2 on a bad one.
void apply_filter_choices(const RunArguments& arguments, FilterConfig& filter) {
  try {
    if (!arguments.filters_file.empty()) apply_filter_file(filter, arguments.filters_file);
    for (const std::string& setting : arguments.filter_settings) apply_filter_setting(filter, setting);
  } catch (const FilterConfigError& error) {
    throw CLI::ValidationError("--filters", error.what());
  }
  if (arguments.no_filters) filter.enabled = false;
  if (arguments.no_boilerplate) filter.boilerplate.enabled = false;
}

void apply_dedup_choice(const std::string& choice, DedupConfig& dedup) {
  dedup.exact = dedup.url = dedup.near = false;
  if (choice == "none") return;
  std::stringstream list(choice);
  std::string kind;
  while (std::getline(list, kind, ',')) {
    if (kind == "exact") {
      dedup.exact = true;
    } else if (kind == "url") {
      dedup.url = true;
    } else if (kind == "near") {
      dedup.near = true;
    } else {
      throw CLI::ValidationError("--dedup", "unknown kind '" + kind + "' (exact, url, near or none)");
    }
  }
}

ProgressMode parse_progress(const std::string& mode) {
  if (mode == "bar") return ProgressMode::bar;
  if (mode == "log") return ProgressMode::log;
  if (mode == "none") return ProgressMode::none;
  return ProgressMode::automatic;
}

ManifestFile write_report_file(const std::filesystem::path& out, std::string_view name, const std::string& content) {
  write_file_atomically(out / name, content);
  return ManifestFile{std::string(name), content.size(), XXH3_64bits(content.data(), content.size())};
}

// One stderr line per kind of trouble that did not stop the run, so a batch log shows it without reading
// stats.json; stats.json and the manifest hold every entry.
void warn_about_inputs(const RunOutput& output) {
  const auto& skipped = output.metrics.skipped_inputs;
  if (!skipped.empty()) {
    std::fprintf(stderr,
                 "corpusflow run: warning: %zu input entr%s not read (%s: %s%s); see skipped_inputs in manifest.json\n",
                 skipped.size(), skipped.size() == 1 ? "y" : "ies", skipped[0].path.c_str(), skipped[0].reason.c_str(),
                 skipped.size() > 1 ? ", ..." : "");
  }
  size_t cut = 0;
  const ShardAccount* first_cut = nullptr;
  for (const ShardAccount& shard : output.metrics.shards) {
    if (!shard.end_of_archive_missing) continue;
    if (cut++ == 0) first_cut = &shard;
  }
  if (cut > 0) {
    std::fprintf(stderr,
                 "corpusflow run: warning: %zu tar shard%s ended without end-of-archive blocks, so may have been cut "
                 "short (%s, after %llu records); see end_of_archive_missing in stats.json\n",
                 cut, cut == 1 ? "" : "s", first_cut->path.c_str(),
                 static_cast<unsigned long long>(first_cut->records));
  }
  const IdMetrics& ids = output.metrics.ids;
  if (ids.repeated > 0) {
    std::fprintf(stderr,
                 "corpusflow run: warning: %llu id%s met before in this run; each later one was renamed "
                 "<id>@<shard>:<record> (the first: %s); see ids in stats.json\n",
                 static_cast<unsigned long long>(ids.repeated), ids.repeated == 1 ? " was" : "s were",
                 ids.repeated_examples.empty() ? "?" : ids.repeated_examples.front().c_str());
  }
  const RunTotals totals = output.metrics.totals();
  if (totals.records > 0 && totals.rejected == totals.records) {
    std::fprintf(stderr, "corpusflow run: warning: every one of the %llu records read was rejected; see OUT/rejects\n",
                 static_cast<unsigned long long>(totals.records));
  } else if (totals.records > 0 && totals.kept == 0) {
    std::fprintf(stderr, "corpusflow run: warning: no document was kept (%llu read)\n",
                 static_cast<unsigned long long>(totals.records));
  } else if (totals.records == 0) {
    std::fprintf(stderr, "corpusflow run: warning: the inputs held no records\n");
  }
}

void print_summary(const RunOutput& output, const std::filesystem::path& out) {
  const RunTotals totals = output.metrics.totals();
  const double seconds = output.metrics.wall_seconds;
  std::printf(
      "corpusflow run: %zu shard(s), %llu records read: %llu kept, %llu duplicates, %llu filtered, %llu rejected\n",
      output.metrics.shards.size(), static_cast<unsigned long long>(totals.records),
      static_cast<unsigned long long>(totals.kept), static_cast<unsigned long long>(totals.duplicates),
      static_cast<unsigned long long>(totals.filtered), static_cast<unsigned long long>(totals.rejected));
  // The peak is read now, after the stats, report and manifest were built, not when the graph ended.
  std::printf("  %.1f MB in %.2f s: %.1f MB/s, %.0f documents/s on %d thread(s), peak memory %.0f MiB\n",
              static_cast<double>(totals.uncompressed_bytes) / 1e6, seconds,
              seconds > 0 ? static_cast<double>(totals.uncompressed_bytes) / 1e6 / seconds : 0.0,
              seconds > 0 ? static_cast<double>(totals.records) / seconds : 0.0, output.metrics.threads,
              static_cast<double>(peak_rss_bytes()) / (1 << 20));
  std::printf("  output: %s (corpusflow stats %s for the full table)\n", out.c_str(), out.c_str());
}

int execute(RunArguments& arguments) {
  RunConfig& config = arguments.config;
  config.output = arguments.output;
  config.progress = parse_progress(arguments.progress);
  config.fail_on_io_error = arguments.on_error == "fail";
  config.format = parse_input_format(arguments.format);
  config.extract.mode = html_mode_from_name(arguments.html).value_or(HtmlMode::extract);
  config.encode.schema = parse_output_schema(arguments.schema).value_or(OutputSchema::corpusflow);
  apply_dedup_choice(arguments.dedup, config.dedup);
  apply_filter_choices(arguments, config.filter);
  resolve(config);

  // Exit 2 for what the user asked wrongly (no such input, OUT refused), 1 for what failed while doing it.
  InputListing listing;
  OutputLock lock;
  try {
    ListingOptions options;
    options.forced = config.format;
    options.exclude = config.output;
    options.include_globs = config.include_globs;
    options.exclude_globs = config.exclude_globs;
    listing = list_inputs(config.inputs, options);
    if (listing.files.empty()) {
      std::string message = "no readable input among " + std::to_string(listing.skipped.size()) + " entries listed";
      if (!listing.skipped.empty()) {
        message += " (first: " + listing.skipped.front().path + ": " + listing.skipped.front().reason + ")";
      }
      throw OutputFolderRefused(message);
    }
    lock = prepare_output_folder(config.output, config.overwrite, arguments.command_line);
  } catch (const OutputFolderRefused& error) {
    std::fprintf(stderr, "corpusflow run: %s\n", error.what());
    return kExitUsage;
  } catch (const NoSuchInput& error) {
    std::fprintf(stderr, "corpusflow run: %s\n", error.what());
    return kExitUsage;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corpusflow run: cannot prepare output %s: %s\n", config.output.c_str(), error.what());
    return kExitFailed;
  }
  const std::vector<InputFile>& inputs = listing.files;

  const std::string started_at = utc_timestamp();
  RunOutput output;
  try {
    output = run_pipeline(config, inputs);
    for (const SkippedInput& skipped : listing.skipped)
      output.metrics.skipped_inputs.push_back({skipped.path, skipped.reason});

    // Neither file holds a document of every shard: stats.json writes them as text, the report lists 100.
    std::vector<ManifestFile> reports;
    reports.push_back(
        write_report_file(config.output, output_layout::kStats, stats_json_text(output.stats, output.metrics)));
    reports.push_back(write_report_file(config.output, output_layout::kReport,
                                        render_report_html(make_stats_json(output.stats, output.metrics, 100))));
    warn_about_inputs(output);

    if (!output.accounting_errors.empty()) {
      for (const std::string& error : output.accounting_errors) {
        std::fprintf(stderr, "corpusflow run: accounting mismatch: %s\n", error.c_str());
      }
      return kExitAccounting;  // no manifest: the run is not committed
    }
    // An input name that is not valid UTF-8 is written with U+FFFD in its place rather than failing the run.
    write_file_atomically(config.output / output_layout::kManifest,
                          manifest_text(config, inputs, output, reports, arguments.command_line, started_at));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corpusflow run: failed: %s\n", error.what());
    return kExitFailed;
  }
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
      ->check(CLI::IsMember({"auto", "tar", "jsonl", "warc", "arc", "text"}))
      ->capture_default_str();
  run->add_option("--include", config.include_globs,
                  "Also read files in input folders matching GLOB (path or name), whatever their extension");
  run->add_option("--exclude", config.exclude_globs, "Never read files in input folders matching GLOB");
  run->add_option("--html", arguments->html,
                  "HTML pages: extract (main content), text (all visible text) or raw (markup untouched)")
      ->check(CLI::IsMember({"extract", "text", "raw"}))
      ->capture_default_str();
  run->add_option("--schema", arguments->schema,
                  "Layout of kept documents: corpusflow, fineweb (FineWeb's columns) or dolma (OUT/documents/)")
      ->check(CLI::IsMember({"corpusflow", "fineweb", "dolma"}))
      ->capture_default_str();
  run->add_option("--dedup", arguments->dedup, "Duplicate kinds to drop: any of exact,url,near, or none")
      ->capture_default_str();
  run->add_flag("--text-only-keys{false}", config.dedup.title_in_keys,
                "Exact and near dedup look at the text alone, not the title and the text");
  run->add_flag("--url-keep-scheme{false}", config.dedup.url_merge_http_https,
                "URL dedup: http:// and https:// of the same address are different pages");
  run->add_option("--ngram", config.dedup.ngram, "Shingle length in tokens")
      ->check(CLI::Range(1, 64))
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
  run->add_option("--filters", arguments->filters_file,
                  "JSON file of quality-rule limits, per language sections and boilerplate thresholds "
                  "(docs/filters.md)");
  run->add_option("--filter", arguments->filter_settings,
                  "[LANG:]RULE=VALUE|off|on: one rule's limit, after --filters (repeatable)");
  run->add_flag("--no-filters", arguments->no_filters, "Apply no quality rule (the boilerplate pass still runs)");
  run->add_flag("--no-boilerplate", arguments->no_boilerplate, "Keep the lines that repeat across a host's pages");
  run->add_flag("--keep-filtered", config.encode.keep_filtered_text,
                "Also write the title and text of filtered documents to OUT/filtered, for audits");
  run->add_option("--level", config.compression_level, "zstd level of the output")
      ->check(CLI::Range(1, 19))
      ->capture_default_str();
  run->add_option("--shard-size", config.shard_size, "Rotate output parts at this uncompressed size (e.g. 256MiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_option("--max-record-size", config.batch.max_record_bytes, "Reject larger records as too_large (e.g. 64MiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_option("--batch-size", config.batch.bytes, "Input bytes per batch (e.g. 2MiB)")
      ->transform(CLI::AsSizeValue(false));
  run->add_option("--top-hosts", config.stats.top_hosts, "Hosts listed in the stats")->capture_default_str();
  run->add_flag("--no-tatweel-removal{false}", config.normalize.remove_tatweel, "Keep Arabic tatweel in the output");
  run->add_option("--language-window", config.normalize.language_sampling.window_bytes,
                  "Bytes of each of the two windows CLD2 reads first (0: the whole 2 KiB sample at once)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  run->add_option("--progress", arguments->progress, "Progress on stderr")
      ->check(CLI::IsMember({"auto", "bar", "log", "none"}))
      ->capture_default_str();
  run->add_option("--on-error", arguments->on_error,
                  "skip: reject bad records and go on; fail: stop at the first io error")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  run->add_flag("--overwrite", config.overwrite, "Replace a finished run in OUT");
  run->callback([arguments] {
    const int code = execute(*arguments);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace corpusflow
