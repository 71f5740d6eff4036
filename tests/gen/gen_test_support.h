// Shared helpers for the generator tests: a small pool loaded once, and reading shards back through io.
#pragma once

#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/raw_record.h"
#include "engine/gen/pool_loader.h"
#include "engine/gen/text_pool.h"
#include "io/record_reader.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace corpusflow::gen::testing {

using corpusflow::testing::read_file;
using corpusflow::testing::TempDir;

// One ANT shard and the UDHR: every script, loaded once, small enough for fast tests.
inline const TextPool& sample_pool() {
  static const TextPool pool = [] {
    TextPool loaded;
    PoolLoadOptions options;
    load_text_pool(loaded, {CORPUSFLOW_SAMPLE_DIR "/ant/ant-00000.tar.zst", CORPUSFLOW_SAMPLE_DIR "/udhr"}, options);
    return loaded;
  }();
  return pool;
}

// Every record of a shard, as io's reader yields it.
inline std::vector<RawRecord> read_records(const std::string& path) {
  auto reader = open_record_reader(path, InputFormat::auto_detect, ReaderLimits{});
  std::vector<RawRecord> records;
  RawRecord record;
  while (reader->next(record)) records.push_back(record);
  return records;
}

// The lines of a zstd-compressed text file, via io's JSONL reader.
inline std::vector<std::string> read_lines(const std::string& path) {
  auto reader = open_record_reader(path, InputFormat::jsonl, ReaderLimits{});
  std::vector<std::string> lines;
  RawRecord record;
  while (reader->next(record)) lines.push_back(record.bytes);
  return lines;
}

}  // namespace corpusflow::gen::testing
