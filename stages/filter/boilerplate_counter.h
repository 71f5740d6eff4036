// Counts, over one block of documents, how many documents of each host hold each line, and decides which
// lines are the host's boilerplate (BoilerplateConfig). Exact copies of one text count once, so a page filed
// three times does not make its own lines boilerplate. Serial; memory grows with the block's distinct lines.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/document.h"
#include "stages/filter/boilerplate_lines.h"
#include "stages/filter/filter_config.h"

namespace corpusflow {

struct BoilerplateCounts {
  uint64_t blocks = 0;
  uint64_t documents_counted = 0;  // documents with a host and lines, copies included
  uint64_t copies_skipped = 0;     // exact copies of an earlier text of the same host in the block
  uint64_t boilerplate_lines = 0;  // distinct (host, line) pairs found to be boilerplate, summed over blocks
  uint64_t peak_table_bytes = 0;
};

class BoilerplateCounter {
 public:
  explicit BoilerplateCounter(BoilerplateConfig config) : config_(config) {}

  void add(const Document& doc);
  // The boilerplate lines of the documents added since the last call; starts the next block.
  std::shared_ptr<const BoilerplateLines> finish_block();
  const BoilerplateCounts& counts() const { return counts_; }

 private:
  struct Entry {
    uint64_t key = 0;  // boilerplate_key(host, line); 0: free
    uint64_t host = 0;
    uint32_t documents = 0;
  };
  BoilerplateConfig config_;
  std::vector<Entry> entries_;  // open addressing on key
  size_t used_ = 0;
  std::vector<Entry> hosts_;  // key: host, documents: distinct texts of the host in the block
  size_t hosts_used_ = 0;
  std::vector<Entry> texts_;  // key: the host and text of each document counted
  size_t texts_used_ = 0;
  std::vector<uint64_t> lines_;  // scratch: one document's distinct line keys
  BoilerplateCounts counts_;
};

}  // namespace corpusflow
