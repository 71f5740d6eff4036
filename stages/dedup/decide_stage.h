// decide as a stage: the leader rule over every batch in input order (serial), holding the dedup index.
#pragma once

#include <span>

#include "stages/dedup/decider.h"
#include "stages/stage.h"

namespace corpusflow {

class DecideStage {
 public:
  using Config = DedupConfig;
  static constexpr std::string_view kName = "decide";
  static constexpr StageMode kMode = StageMode::serial_in_order;

  explicit DecideStage(const Config& config) : decider_(config) {}
  void process(Batch& batch) { decider_.decide(std::span<Document>(batch.documents)); }
  DeciderStats stats() const { return decider_.stats(); }

 private:
  Decider decider_;
};

}  // namespace corpusflow
