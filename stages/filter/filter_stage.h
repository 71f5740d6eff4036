// filter as a stage: every document of a batch goes through QualityFilter with its block's boilerplate lines.
#pragma once

#include "stages/filter/quality_filter.h"
#include "stages/stage.h"

namespace corpusflow {

class FilterStage {
 public:
  using Config = FilterConfig;
  static constexpr std::string_view kName = "filter";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit FilterStage(const Config& config) : config_(config), filter_(config_) {}
  void process(Batch& batch) {
    for (Document& doc : batch.documents) filter_.apply(doc, batch.boilerplate.get());
    batch.boilerplate.reset();
  }
  const FilterStats& stats() const { return filter_.stats(); }

 private:
  Config config_;
  QualityFilter filter_;
};

}  // namespace corpusflow
