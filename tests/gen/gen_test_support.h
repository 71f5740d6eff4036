// Shared helpers for the generator tests: a small pool loaded once, and reading shards back through io.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>
#include <vector>

#include "bench/generator/pool_loader.h"
#include "bench/generator/text_pool.h"
#include "core/raw_record.h"
#include "io/record_reader.h"

namespace corpusflow::gen::testing {

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

// A fresh empty folder under the system temp folder, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& child) const { return path_ + "/" + child; }

 private:
  std::string path_;
};


inline TempDir::TempDir(const std::string& name) {
  path_ = (std::filesystem::temp_directory_path() / ("corpusflow-gen-" + name + "-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

inline TempDir::~TempDir() { std::filesystem::remove_all(path_); }

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

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace corpusflow::gen::testing
