#include "engine/cli/gen_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "engine/gen/generator.h"
#include "engine/gen/pool_loader.h"

namespace corpusflow {
namespace {

struct GenArguments {
  std::string output;
  gen::GenOptions options;
  std::string format = "tar";
  std::vector<std::string> from;
  std::string sample_dir;
  bool no_sample = false;
  bool overwrite = false;
  unsigned threads = 0;
  uint64_t pool_mb = 256;
};

bool holds_generated_corpus(const std::filesystem::path& dir) {
  std::error_code error;
  return std::filesystem::exists(dir / "shards", error) || std::filesystem::exists(dir / "truth.jsonl.zst", error) ||
         std::filesystem::exists(dir / "gen.json", error);
}

void remove_generated_corpus(const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir / "shards");
  std::filesystem::remove(dir / "truth.jsonl.zst");
  std::filesystem::remove(dir / "gen.json");
}

void run_gen(GenArguments& args) {
  gen::GenOptions& options = args.options;
  if (options.dup_rate + options.near_rate + options.bad_rate > 1.0) {
    throw CLI::ValidationError("--dup-rate + --near-rate + --bad-rate", "must not exceed 1");
  }
  options.format = args.format == "jsonl"  ? gen::ShardFormat::jsonl
                   : args.format == "warc" ? gen::ShardFormat::warc
                                           : gen::ShardFormat::tar;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  options.workers = static_cast<int>(args.threads == 0 ? cores : args.threads);

  if (holds_generated_corpus(args.output)) {
    if (!args.overwrite) {
      throw CLI::ValidationError("--output", args.output + " already holds a generated corpus (use --overwrite)");
    }
    remove_generated_corpus(args.output);
  }

  std::vector<std::string> inputs;
  if (!args.no_sample) {
    const std::string sample = args.sample_dir.empty() ? gen::find_sample_dir() : args.sample_dir;
    if (sample.empty()) {
      throw CLI::ValidationError("--sample", "cannot find data/sample; give --sample DIR or --from PATH");
    }
    inputs = gen::sample_inputs(sample);
  }
  inputs.insert(inputs.end(), args.from.begin(), args.from.end());
  if (inputs.empty()) throw CLI::ValidationError("--from", "no text to draw from: give --from with --no-sample");

  gen::TextPool pool;
  gen::PoolLoadOptions load_options;
  load_options.max_pool_bytes = args.pool_mb << 20;
  try {
    gen::load_text_pool(pool, inputs, load_options);
  } catch (const std::runtime_error& error) {
    throw CLI::ValidationError("--from", error.what());
  }
  if (pool.empty()) throw CLI::ValidationError("--from", "the inputs hold no text");

  const gen::GenSummary summary = gen::write_corpus(pool, options, args.output);
  gen::write_summary_json(args.output, options, summary, inputs);
  const double mb = static_cast<double>(summary.uncompressed_bytes) / 1e6;
  std::fprintf(stderr,
               "corpusflow gen: %llu documents (%llu original, %llu of them low-quality, %llu exact, %llu near, "
               "%llu bad) in %u shards, "
               "%.1f MB (%.1f MB compressed), %.2f s: %.0f docs/s, %.1f MB/s\n",
               static_cast<unsigned long long>(summary.documents), static_cast<unsigned long long>(summary.originals),
               static_cast<unsigned long long>(summary.low_quality), static_cast<unsigned long long>(summary.exact),
               static_cast<unsigned long long>(summary.near), static_cast<unsigned long long>(summary.bad),
               summary.shards, mb, static_cast<double>(summary.compressed_bytes) / 1e6, summary.seconds,
               static_cast<double>(summary.documents) / summary.seconds, mb / summary.seconds);
}

}  // namespace

void register_gen_command(CLI::App& app) {
  auto args = std::make_shared<GenArguments>();
  gen::GenOptions& options = args->options;
  CLI::App* gen = app.add_subcommand(
      "gen", "Write a synthetic corpus of scraped pages with known duplicates, boilerplate and low-quality pages");
  gen->add_option(
         "-o,--output", args->output,
         "Output folder (created when missing): shards/gen-NNNNN.{tar.zst,jsonl.zst,warc.gz}, truth.jsonl.zst, "
         "gen.json")
      ->required();
  gen->add_option("--docs", options.documents, "Documents in all, bad records included")
      ->capture_default_str()
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 40));
  gen->add_option("--shards", options.shards, "Output shards (default: one per 1,000 documents)")
      ->check(CLI::Range(1u, 1000000u));
  gen->add_option("--format", args->format,
                  "Shard format: tar (scraped pages), jsonl, or warc (HTML pages in gzip WARC/1.1, one member per "
                  "record, with request, 404 and image records that are not documents)")
      ->capture_default_str()
      ->check(CLI::IsMember({"tar", "jsonl", "warc"}));
  gen->add_option("--seed", options.seed, "Random seed: same seed and options, same bytes")->capture_default_str();
  gen->add_option("--dup-rate", options.dup_rate, "Share of exact copies of earlier originals")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  gen->add_option("--near-rate", options.near_rate, "Share of near copies (mutated) of earlier originals")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  gen->add_option("--bad-rate", options.bad_rate,
                  "Share of bad records (invalid UTF-8, empty, missing header/text, warc: a body declared gzip that "
                  "does not decode); with it, a shard ends in a "
                  "truncated member with probability min(1, 10 x rate)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  gen->add_option("--url-variant-rate", options.url_variant_rate,
                  "Share of the copies with their original's URL that spell it another way the URL key treats as "
                  "the same (scheme, host case, default port, dot segments, percent escapes, fragment, IDNA)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  gen->add_option("--url-near-miss-rate", options.url_near_miss_rate,
                  "Share of the originals whose URL is an earlier original's with one change that makes it another "
                  "page (path letter case, query value, extra path segment)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  gen->add_option("--low-quality-rate", options.low_quality_rate,
                  "Share of low-quality originals, never copied, each of a kind the truth names (low_quality): "
                  "too_short, keyword_list, navigation, bullet_list, ellipsis_lines, symbol_heavy, repeated_lines, "
                  "repeated_ngrams, lorem_ipsum, code; made of the site's family. 0 gives the corpus without them, "
                  "byte for byte; with them, the other records keep their content and order")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  gen->add_option("--from", args->from, "More shards to draw text from (tar of pages, JSONL with text)");
  gen->add_option("--sample", args->sample_dir, "The repository's sample folder (default: found automatically)")
      ->check(CLI::ExistingDirectory);
  gen->add_flag("--no-sample", args->no_sample, "Draw text only from --from");
  gen->add_option("--sites", options.sites, "Distinct hosts (Zipf-distributed)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10000000u));
  gen->add_option("--level", options.level, "zstd level of the shards (warc: zlib level, at most 9)")
      ->capture_default_str()
      ->check(CLI::Range(1, 19));
  gen->add_option("--threads", args->threads, "zstd worker threads (default: all cores)")->check(CLI::Range(0u, 256u));
  gen->add_option("--pool-mb", args->pool_mb, "Most text read into the pool, in MB")
      ->capture_default_str()
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
  gen->add_flag("--overwrite", args->overwrite, "Replace a corpus already generated in the output folder");
  gen->callback([args] { run_gen(*args); });
}

}  // namespace corpusflow
