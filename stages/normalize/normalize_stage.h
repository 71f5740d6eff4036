// normalize as a stage: every document of a batch is cleaned, measured and tagged (or rejected).
#pragma once

#include "stages/normalize/normalizer.h"
#include "stages/stage.h"

namespace corpusflow {

class NormalizeStage {
 public:
  using Config = NormalizeOptions;
  static constexpr std::string_view kName = "normalize";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit NormalizeStage(const Config& config) : normalizer_(config) {}
  void process(Batch& batch) {
    for (Document& doc : batch.documents) normalizer_.normalize(doc);
  }

 private:
  Normalizer normalizer_;
};

}  // namespace corpusflow
