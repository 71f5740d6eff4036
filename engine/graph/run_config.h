// RunConfig: every choice of one `corpusflow run`, with its default; echoed into manifest.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/input_format.h"
#include "stages/dedup/dedup_config.h"
#include "stages/encode/batch_encoder.h"
#include "stages/normalize/normalizer.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

enum class ProgressMode { automatic, bar, log, none };  // auto: a bar when stderr is a terminal, else nothing

struct RunConfig {
  std::vector<std::string> inputs;            // files, directories (walked, sorted) or globs
  std::filesystem::path output;               // OUT
  int threads = 0;                            // 0: every hardware thread
  InputFormat format = InputFormat::auto_detect;
  bool overwrite = false;                     // replace a finished run in OUT
  bool fail_on_io_error = false;              // --on-error=fail: the first `io` reject stops the run (exit 1)

  uint64_t batch_bytes = 2ull << 20;          // a batch closes at this many input bytes...
  uint32_t batch_records = 1000;              // ...or this many records, whichever comes first
  int batches_per_thread = 3;                 // batches in flight = threads * this + 2: bounds memory
  uint64_t max_record_bytes = 64ull << 20;    // --max-record-size: larger records are rejected `too_large`

  NormalizeOptions normalize;
  DedupConfig dedup;
  EncodeOptions encode;
  StatsConfig stats;
  int compression_level = 3;                  // --level: zstd level of every output frame
  uint64_t shard_size = 256ull << 20;         // --shard-size: output parts rotate at this uncompressed size
  ProgressMode progress = ProgressMode::automatic;
};

}  // namespace corpusflow
