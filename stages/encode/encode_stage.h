// encode as a stage: the documents of a batch become JSON lines of the kept, duplicate and reject streams;
// the documents are released after.
#pragma once

#include "stages/encode/batch_encoder.h"
#include "stages/stage.h"

namespace corpusflow {

class EncodeStage {
 public:
  using Config = EncodeOptions;
  static constexpr std::string_view kName = "encode";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit EncodeStage(const Config& config) : options_(config) {}
  void process(Batch& batch) {
    encode_batch(batch, options_);
    std::vector<Document>().swap(batch.documents);
  }

 private:
  EncodeOptions options_;
};

}  // namespace corpusflow
