// The flow graph of one run: read -> parse/normalize/fingerprint (parallel) -> decide (serial, in order)
// -> stats/encode/compress (parallel) -> write (serial, in order).
#pragma once

#include <string>
#include <vector>

#include "engine/graph/run_config.h"
#include "engine/report/run_metrics.h"
#include "io/input_listing.h"
#include "io/record_reader.h"
#include "io/shard_writer.h"
#include "stages/filter/boilerplate_counter.h"
#include "stages/filter/filter_stats.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

struct RunOutput {
  StatsAccumulator stats;
  RunMetrics metrics;
  std::vector<ReaderCounts> input_counts;  // one per input, in input order
  std::vector<ShardFile> data_files;
  std::vector<ShardFile> duplicate_files;
  std::vector<ShardFile> reject_files;
  std::vector<ShardFile> filtered_files;
  FilterStats filter;  // what the filter stage measured and removed
  BoilerplateCounts boilerplate;
  std::vector<std::string> accounting_errors;  // shards where read != kept + duplicates + filtered + rejected
};

// Runs the whole graph over `inputs` with a resolved config (resolve(RunConfig&)) and writes OUT/data, OUT/duplicates
// and OUT/rejects. Throws on failures that must stop the run (write error, index memory, --on-error=fail), with
// context.
RunOutput run_pipeline(const RunConfig& config, const std::vector<InputFile>& inputs);

}  // namespace corpusflow
