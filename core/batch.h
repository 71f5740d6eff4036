// Batch: the message that crosses thread boundaries, a few MB of consecutive records of one shard.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/raw_record.h"

namespace corpusflow {

struct BoilerplateLines;  // stages/filter/boilerplate_lines.h

// Encoded output of one batch: JSON lines, then one zstd frame per kind.
struct EncodedStream {
  std::string json;         // uncompressed JSON lines; released once compressed
  std::string frame;        // json compressed as one independent zstd frame
  uint64_t json_bytes = 0;  // size of json before it was released
  uint64_t records = 0;
};

struct Batch {
  uint64_t sequence = 0;  // 0-based position in the whole run; restores order after parallel nodes
  uint32_t shard = 0;     // shard index (inputs sorted by path)
  std::string shard_path;
  std::string shard_name;        // InputFile::name: what derived ids are built from
  int64_t shard_mtime = 0;       // the shard's modification time (seconds since 1970 UTC), 0 when unknown
  uint64_t first_record = 0;     // record index of records[0] within the shard
  bool last_of_shard = false;    // no later batch holds records of this shard
  uint64_t input_bytes = 0;      // uncompressed bytes of the records
  uint64_t record_count = 0;     // records read into this batch (records and documents change size)
  uint64_t compressed_done = 0;  // compressed bytes of the run's inputs read up to this batch's end
  RecordLayout layout = RecordLayout::page;
  bool end_of_run = false;  // the empty batch that follows the last one: stages that hold batches let go

  // The boilerplate lines the batch's block decided (stages/filter/boilerplate_stage.h); null without that pass.
  std::shared_ptr<const BoilerplateLines> boilerplate;

  std::vector<RawRecord> records;   // filled by the reader, released after parse
  std::vector<Document> documents;  // one per record, same order

  EncodedStream kept;
  EncodedStream duplicates;
  EncodedStream rejects;
  EncodedStream filtered;
};

}  // namespace corpusflow
