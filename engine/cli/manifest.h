// manifest.json: inputs (size, checksum), outputs (records, checksum), config, version, timings.
// Written last: its presence marks a finished run (the commit point).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "engine/graph/pipeline.h"
#include "engine/graph/run_config.h"

namespace corpusflow {

struct ManifestFile {
  std::string name;  // path relative to OUT
  uint64_t bytes = 0;
  uint64_t checksum = 0;  // XXH3-64
};

nlohmann::json config_json(const RunConfig& config);

// The text of manifest.json (two-space indents). The inputs are written straight to text, one object per
// input, so that no document of every input is held: a run over a million small files stays small.
std::string manifest_text(const RunConfig& config, const std::vector<InputFile>& inputs, const RunOutput& output,
                          const std::vector<ManifestFile>& reports, const std::string& command_line,
                          const std::string& started_at);

std::string hex64(uint64_t value);
std::string utc_timestamp();  // 2026-11-29T01:38:49Z

}  // namespace corpusflow
