// ids as a stage: every document's id made unique within the run, in input order (serial).
#pragma once

#include <cstdint>

#include "stages/ids/id_registry.h"
#include "stages/stage.h"

namespace corpusflow {

class IdStage {
 public:
  struct Config {
    uint64_t memory_bytes = 4ull << 30;  // the most the id table may hold (--index-memory)
  };
  static constexpr std::string_view kName = "ids";
  static constexpr StageMode kMode = StageMode::serial_in_order;

  explicit IdStage(const Config& config) : registry_(config.memory_bytes) {}
  void process(Batch& batch) {
    for (Document& doc : batch.documents) registry_.assign(doc, batch.shard_name);
  }
  IdStats stats() const { return registry_.stats(); }

 private:
  IdRegistry registry_;
};

}  // namespace corpusflow
