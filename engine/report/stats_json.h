// stats.json: the document OUT/stats.json holds (keys and units in docs/stats.md), and the merge of
// the stats.json of several parts of a scaled-out run into the numbers one run would give.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/report/run_metrics.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

// The accumulator's keys, the run's keys, and derived values: bytes.in_compressed and
// bytes.in_uncompressed (the shards' bytes as stored and as decompressed), bytes.out_uncompressed/
// out_compressed (outputs), run.documents_per_second and run.mb_per_second (records read and
// bytes.in_uncompressed per wall second, MB = 10^6 bytes), per stage documents_per_second,
// mb_per_second (per busy second, i.e. per core) and busy_percent.
// "shards" holds the first max_shards shards (the report shows 100), shard_count their number.
nlohmann::json make_stats_json(const StatsAccumulator& stats, const RunMetrics& run, size_t max_shards = SIZE_MAX);

// The text of OUT/stats.json: make_stats_json's document with every shard, dumped with two-space indents,
// the shards written straight to text (append_shards_json) so that no document holds them.
std::string stats_json_text(const StatsAccumulator& stats, const RunMetrics& run);

// Reads each part back (StatsAccumulator::from_json, run_metrics_from_json), merges, and makes the
// document again: counts, histograms and (within capacity) hosts and groups equal one run's exactly.
// Throws StatsFormatError when a part cannot be read or there is no part.
nlohmann::json merge_stats_json(const std::vector<nlohmann::json>& parts);

}  // namespace corpusflow
