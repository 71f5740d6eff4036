// BatchSource: walks the input shards in order and cuts their records into batches (serial; the graph's source).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/batch.h"
#include "engine/graph/run_config.h"
#include "io/input_listing.h"
#include "io/record_reader.h"

namespace corpusflow {

class BatchSource {
 public:
  BatchSource(std::vector<InputFile> inputs, BatchLimits limits);

  // The next batch in input order; after the last shard one empty batch with end_of_run set, then nullptr.
  std::shared_ptr<Batch> next();

  const std::vector<InputFile>& inputs() const { return inputs_; }
  // Counts of each shard's reader; final for a shard once all of its batches were returned.
  const std::vector<ReaderCounts>& shard_counts() const { return counts_; }
  // Compressed input bytes consumed so far, for progress (readable from any thread).
  uint64_t compressed_bytes_read() const { return compressed_bytes_read_.load(std::memory_order_relaxed); }

 private:
  bool open_next_shard();

  std::vector<InputFile> inputs_;
  BatchLimits limits_;
  std::vector<ReaderCounts> counts_;
  size_t shard_ = 0;  // index of the shard being read (== inputs_.size() at the end)
  bool shard_open_ = false;
  std::unique_ptr<RecordReader> reader_;
  uint64_t next_record_ = 0;  // record index of the next record of the open shard
  uint64_t next_sequence_ = 0;
  uint64_t bytes_of_finished_shards_ = 0;
  std::atomic<uint64_t> compressed_bytes_read_{0};
  RawRecord pending_;  // read ahead to know whether a batch is the last of its shard
  bool has_pending_ = false;
  bool end_sent_ = false;
};

}  // namespace corpusflow
