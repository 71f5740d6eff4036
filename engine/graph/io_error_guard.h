// --on-error=fail as a stage: the first record the stream broke in (`io` reject), in input order, stops the run
// with its context.
#pragma once

#include <stdexcept>

#include "stages/stage.h"

namespace corpusflow {

class IoErrorGuard {
 public:
  struct Config {};
  static constexpr std::string_view kName = "on_error";
  static constexpr StageMode kMode = StageMode::serial_in_order;

  explicit IoErrorGuard(const Config&) {}
  void process(Batch& batch) {
    for (const Document& doc : batch.documents) {
      if (doc.rejected() && doc.reject_reason == RejectReason::io) {
        throw std::runtime_error(doc.source + " (record " + doc.id.str() + "): " + doc.reject_detail +
                                 " [--on-error=fail]");
      }
    }
  }
};

}  // namespace corpusflow
