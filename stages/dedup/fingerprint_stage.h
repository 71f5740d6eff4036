// fingerprint as a stage: the exact, URL and MinHash keys of every document, in parallel before decide.
#pragma once

#include "stages/dedup/fingerprinter.h"
#include "stages/stage.h"

namespace corpusflow {

class FingerprintStage {
 public:
  using Config = DedupConfig;
  static constexpr std::string_view kName = "fingerprint";
  static constexpr StageMode kMode = StageMode::parallel;

  explicit FingerprintStage(const Config& config) : fingerprinter_(config) {}
  void process(Batch& batch) {
    for (Document& doc : batch.documents) fingerprinter_.fingerprint(doc);
  }

 private:
  Fingerprinter fingerprinter_;
};

}  // namespace corpusflow
