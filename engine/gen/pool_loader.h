// Fills a TextPool from real shards: scraped-page tar(.zst) members and JSON lines with a `text` field
// (`title` and `language` used when present). Reads through io's record readers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/gen/text_pool.h"

namespace corpusflow::gen {

struct PoolLoadOptions {
  uint64_t max_pool_bytes = 256ull << 20;  // stop reading inputs once the pool holds this much text
};

struct PoolLoadStats {
  uint64_t files = 0;
  uint64_t records = 0;          // records that gave text
  uint64_t skipped_records = 0;  // unreadable, too large, or without text
};

// Adds every record of `inputs` (files, directories walked, or globs, as `corpusflow run` takes them).
// The family of a page is the `language` of a JSON line, else the name of the folder holding the shard.
// Throws std::runtime_error when an input matches nothing.
PoolLoadStats load_text_pool(TextPool& pool, const std::vector<std::string>& inputs,
                             const PoolLoadOptions& options = {});

// The sample the repository carries (data/sample): $CORPUSFLOW_SAMPLE_DIR, the folder baked in at build
// time (CORPUSFLOW_DEFAULT_SAMPLE_DIR), then data/sample above the running executable. Empty if none.
std::string find_sample_dir();

// The inputs of the default pool inside a sample folder: its ant/ and udhr/ shards.
std::vector<std::string> sample_inputs(const std::string& sample_dir);

}  // namespace corpusflow::gen
