// RunConfig: every choice of one `corpusflow run`, with its default; resolve() turns the choices left to the
// machine (threads) and the values that follow from others into what the run uses, once, before anything reads
// them. The manifest echoes the resolved config.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/input_format.h"
#include "stages/dedup/dedup_config.h"
#include "stages/encode/batch_encoder.h"
#include "stages/filter/filter_config.h"
#include "stages/html/extract_stage.h"
#include "stages/normalize/normalizer.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

enum class ProgressMode { automatic, bar, log, none };  // auto: a bar when stderr is a terminal, else nothing

struct BatchLimits {
  uint64_t bytes = 2ull << 20;              // a batch closes at this many input bytes (--batch-size)...
  uint32_t records = 1000;                  // ...or this many records, whichever comes first
  uint64_t max_record_bytes = 64ull << 20;  // --max-record-size: larger records are rejected `too_large`
};

struct RunConfig {
  std::vector<std::string> inputs;         // files, directories (walked, sorted) or globs
  std::vector<std::string> include_globs;  // files in folders read whatever their name (--include)
  std::vector<std::string> exclude_globs;  // files in folders never read (--exclude)
  std::filesystem::path output;            // OUT
  int threads = 0;                         // 0 until resolved: every core this process may use
  InputFormat format = InputFormat::auto_detect;
  bool overwrite = false;         // replace a finished run in OUT
  bool fail_on_io_error = false;  // --on-error=fail: the first `io` reject stops the run (exit 1)

  BatchLimits batch;
  int batches_per_thread = 3;  // batches in flight = threads * this + 2: bounds memory

  ExtractStage::Config extract;  // --html
  NormalizeOptions normalize;
  FilterConfig filter = default_filter_config();  // --filters FILE, --filter, --no-filters, --no-boilerplate
  DedupConfig dedup;
  EncodeOptions encode;
  StatsConfig stats;
  int compression_level = 3;           // --level: zstd level of every output frame
  uint64_t shard_size = 256ull << 20;  // --shard-size: output parts rotate at this uncompressed size
  ProgressMode progress = ProgressMode::automatic;
};

// Threads 0 -> the cores available to this process (affinity and cgroup quota, as oneTBB counts them);
// normalize keeps the fingerprint text only when some dedup kind needs it.
void resolve(RunConfig& config);

// Batches the graph holds at once (bounds its memory): threads * batches_per_thread + 2, plus the boilerplate
// pass's block when it runs.
size_t batches_in_flight(const RunConfig& config);

}  // namespace corpusflow
