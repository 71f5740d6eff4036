// The repository's sample data (data/sample) for tests, split by io/'s own record reader, so every test
// folder reads tar members and JSON lines the way a run does.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/raw_record.h"
#include "io/record_reader.h"

namespace corpusflow::testing {

inline std::string sample_path(const std::string& relative) {
  return std::string(CORPUSFLOW_SAMPLE_DIR) + "/" + relative;
}

// Every record of a sample file, in order; a damaged sample file throws, naming the record.
inline std::vector<RawRecord> sample_records(const std::string& relative, InputFormat format) {
  const std::string path = sample_path(relative);
  const auto reader = open_record_reader(path, format, ReaderLimits{});
  std::vector<RawRecord> records;
  RawRecord record;
  while (reader->next(record)) {
    if (!record.io_error.empty() || record.too_large) {
      throw std::runtime_error(path + ": " + record.name + ": " +
                               (record.too_large ? std::string("too large") : record.io_error));
    }
    records.push_back(record);
  }
  return records;
}

// Tar members of data/sample/ant/ant-0000<shard>.tar.zst (1,000 Arabic news pages each).
inline std::vector<RawRecord> ant_members(int shard) {
  return sample_records("ant/ant-0000" + std::to_string(shard) + ".tar.zst", InputFormat::tar);
}

}  // namespace corpusflow::testing
