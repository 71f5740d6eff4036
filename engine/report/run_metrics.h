// RunMetrics: what only the engine knows about a run (time, memory, shards, output files), written
// into stats.json beside the document counts of StatsAccumulator. Plain data plus JSON and merging.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace corpusflow {

// Time one stage spent working, summed over threads, and what it processed.
struct StageTiming {
  std::string name;         // read, parse, normalize, fingerprint, decide, stats, encode, compress, write
  double busy_seconds = 0;  // sum over threads of the time spent in the stage's bodies
  uint64_t documents = 0;
  uint64_t bytes = 0;  // input bytes the stage processed (uncompressed unless the stage reads frames)
};

// What the dedup index did, as counts; ratios are computed when shown (stats.json adds
// index_bytes_per_kept_document), so merged parts give the ratio of the sums.
struct DedupMetrics {
  uint64_t decided = 0;        // documents the leader rule saw
  uint64_t kept_in_index = 0;  // kept documents whose keys the index holds
  uint64_t near_in_index = 0;  // of those, with a MinHash signature
  uint64_t band_lookups = 0;
  uint64_t candidates_checked = 0;  // signatures compared for verification
  uint64_t index_bytes = 0;         // memory of the index at the end (summed over merged parts)

  double index_bytes_per_kept_document() const {
    return kept_in_index > 0 ? static_cast<double>(index_bytes) / static_cast<double>(kept_in_index) : 0.0;
  }
  void merge(const DedupMetrics& other);
};

// Where the ids came from (docs/formats.md, "Ids"): repeated ones were renamed, never merged.
struct IdMetrics {
  uint64_t from_input = 0;
  uint64_t derived = 0;
  uint64_t repeated = 0;
  uint64_t table_bytes = 0;
  std::vector<std::string> repeated_examples;  // the first few, with their source

  void merge(const IdMetrics& other);
};

// One input shard, accounted: records = kept + duplicates + filtered + rejected.
struct ShardAccount {
  std::string path;
  uint64_t compressed_bytes = 0;  // file size
  uint64_t uncompressed_bytes = 0;
  uint64_t records = 0;
  uint64_t kept = 0;
  uint64_t duplicates = 0;
  uint64_t rejected = 0;
  uint64_t skipped_members = 0;         // tar members that are not regular files (directories, links)
  uint64_t concatenated_archives = 0;   // tar archives read after the first one's end blocks (`cat a.tar b.tar`)
  bool end_of_archive_missing = false;  // the tar stream ended at a member boundary without its end blocks:
                                        // a file cut short (e.g. at a zstd frame boundary) looks like this
  std::map<std::string, uint64_t> skipped_by_kind = {};  // WARC/ARC records that are not documents, by kind
  uint64_t filtered = 0;                                 // documents the quality rules removed
};

// An entry of the input listing that was not read, with the reason (io's listing says which).
struct SkippedInputEntry {
  std::string path;
  std::string reason;
};

// One output stream (OUT/data, OUT/duplicates, OUT/rejects, OUT/filtered).
struct OutputAccount {
  std::string stream;  // data | documents | duplicates | rejects | filtered
  uint64_t files = 0;
  uint64_t records = 0;
  uint64_t uncompressed_bytes = 0;
  uint64_t compressed_bytes = 0;
};

// The sums over a run's shards: the one place the run's totals are added up.
struct RunTotals {
  uint64_t records = 0;  // read
  uint64_t kept = 0;
  uint64_t duplicates = 0;
  uint64_t rejected = 0;
  uint64_t filtered = 0;
  uint64_t uncompressed_bytes = 0;  // what `zstd -dc` of the inputs gives: the bytes throughput is measured in
  uint64_t compressed_bytes = 0;    // the input files' sizes
};

struct RunMetrics {
  double wall_seconds = 0;
  int threads = 0;
  uint64_t peak_rss_bytes = 0;
  int parts = 1;                                  // runs merged into these metrics (corpusflow stats --merge)
  std::vector<StageTiming> stages;                // in pipeline order
  std::vector<ShardAccount> shards;               // in input order
  std::vector<SkippedInputEntry> skipped_inputs;  // listed entries not read (unreadable, not files, OUT)
  std::vector<OutputAccount> outputs;
  DedupMetrics dedup;
  IdMetrics ids;
  // stats.json `filters` as JSON text, as the filter stage made it (stages/filter/filter_stats.h); empty without
  // the stage. Merged parts add their counts; value quantiles cannot be added and are left out of a merge.
  std::string filters_json;

  RunTotals totals() const;
};

// {"run":{...},"stages":[...],"shards":[...],"shard_count":N,"skipped_inputs":[...],"outputs":{stream:{...}},
// "dedup":{...},"ids":{...}}, raw values only (make_stats_json adds the derived rates). "shards" holds the first
// max_shards shards; shard_count says how many there are.
nlohmann::json run_metrics_to_json(const RunMetrics& run, size_t max_shards = SIZE_MAX);
// The "shards" array as JSON text, laid out as nlohmann's dump(2) lays it out at the top level, written
// without a document: a run over a million small files then holds ~150 bytes per shard, not ~1.5 KB.
void append_shards_json(const std::vector<ShardAccount>& shards, std::string& out);
// Reads what run_metrics_to_json wrote (a whole stats.json is fine); throws StatsFormatError.
RunMetrics run_metrics_from_json(const nlohmann::json& json);

// Parts of a scaled-out run as one: wall_seconds and parts add (the parts may have run at the same
// time, so the sum is machine time, not elapsed time), threads and peak_rss_bytes take the maximum,
// stages add by name (first appearance order), shards are concatenated, outputs and dedup counts add.
RunMetrics merge_run_metrics(const std::vector<RunMetrics>& parts);

}  // namespace corpusflow
