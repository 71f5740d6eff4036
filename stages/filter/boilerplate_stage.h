// boilerplate as a stage: gathers a block of consecutive batches, counts each host's lines over it
// (BoilerplateCounter), then lets the block go on with the lines it found; the filter stage removes them.
// The block is a fixed number of batches in input order, so the result does not depend on threads.
#pragma once

#include <memory>
#include <vector>

#include "stages/filter/boilerplate_counter.h"
#include "stages/stage.h"

namespace corpusflow {

class BoilerplateStage {
 public:
  using Config = BoilerplateConfig;
  static constexpr std::string_view kName = "boilerplate";
  static constexpr StageMode kMode = StageMode::gather;

  explicit BoilerplateStage(const Config& config) : config_(config), counter_(config) {}
  bool process(Batch& batch) {
    for (const Document& doc : batch.documents) counter_.add(doc);
    held_.push_back(&batch);
    if (!batch.end_of_run && held_.size() < config_.block_batches) return false;
    const std::shared_ptr<const BoilerplateLines> lines = counter_.finish_block();
    for (Batch* held : held_) held->boilerplate = lines;
    held_.clear();
    return true;
  }
  const BoilerplateCounts& counts() const { return counter_.counts(); }

 private:
  Config config_;
  BoilerplateCounter counter_;
  std::vector<Batch*> held_;
};

}  // namespace corpusflow
