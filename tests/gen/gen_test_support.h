// Shared helpers for the generator tests: a small pool loaded once, and reading shards back through io.
#pragma once

#include <unistd.h>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// What `corpusflow run` did with one record: where its line went (data, duplicates, rejects) and its fields.
struct RunOutcome {
  std::string folder;
  std::string kind;          // duplicates: exact, url or near
  std::string duplicate_of;  // duplicates
  std::string reason;        // rejects
};

// Runs the corpusflow binary on CORPUS/shards into OUT and returns every output line's outcome by its `id`.
// Throws when the run fails (its log is in OUT.log). The dedup truth is checked without the quality filters
// (`extra` may turn them on), which would take some of the truth's documents out before dedup.
inline std::map<std::string, RunOutcome> run_corpusflow(const std::string& corpus, const std::string& out,
                                                        const std::string& extra = "--no-filters --no-boilerplate") {
  const std::string command = std::string(CORPUSFLOW_BINARY) + " run '" + corpus + "/shards' -o '" + out +
                              "' --threads 2 --progress none " + extra + " > '" + out + ".log' 2>&1";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("corpusflow run failed: " + read_file(out + ".log"));
  std::map<std::string, RunOutcome> outcomes;
  for (const char* folder : {"data", "duplicates", "rejects"}) {
    for (const auto& file : std::filesystem::directory_iterator(out + "/" + folder)) {
      for (const std::string& line : read_lines(file.path().string())) {
        const nlohmann::json object = nlohmann::json::parse(line);
        RunOutcome outcome;
        outcome.folder = folder;
        if (object.contains("kind")) outcome.kind = object["kind"];
        if (object.contains("duplicate_of")) outcome.duplicate_of = object["duplicate_of"];
        if (object.contains("reason")) outcome.reason = object["reason"];
        const std::string id = object["id"];
        if (!outcomes.emplace(id, outcome).second) throw std::runtime_error("id " + id + " written twice");
      }
    }
  }
  return outcomes;
}

}  // namespace corpusflow::gen::testing
