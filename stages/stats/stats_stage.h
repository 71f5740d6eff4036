// stats as a stage: every document of a batch counted into this thread's accumulator; merged after the run.
#pragma once

#include "stages/stage.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

class StatsStage {
 public:
  using Config = StatsConfig;
  static constexpr std::string_view kName = "stats";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit StatsStage(const Config& config) : accumulator_(config) {}
  void process(Batch& batch) {
    for (const Document& doc : batch.documents) accumulator_.add(doc);
  }
  const StatsAccumulator& accumulator() const { return accumulator_; }

 private:
  StatsAccumulator accumulator_;
};

}  // namespace corpusflow
