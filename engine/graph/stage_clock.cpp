#include "engine/graph/stage_clock.h"

namespace corpusflow {

const char* to_string(Stage stage) {
  static constexpr const char* kNames[] = {"read",   "parse", "normalize", "fingerprint", "decide",
                                           "stats",  "encode", "compress", "write"};
  return kNames[static_cast<size_t>(stage)];
}

std::vector<StageTiming> StageClock::timings() const {
  std::vector<StageTiming> result;
  for (size_t i = 0; i < counters_.size(); ++i) {
    StageTiming timing;
    timing.name = to_string(static_cast<Stage>(i));
    timing.busy_seconds = static_cast<double>(counters_[i].nanoseconds.load()) / 1e9;
    timing.documents = counters_[i].documents.load();
    timing.bytes = counters_[i].bytes.load();
    result.push_back(std::move(timing));
  }
  return result;
}

}  // namespace corpusflow
