#include "engine/graph/stage_clock.h"

namespace corpusflow {

StageClock::StageClock(std::vector<std::string> names) : names_(std::move(names)), counters_(names_.size()) {}

std::vector<StageTiming> StageClock::timings() const {
  std::vector<StageTiming> result;
  for (size_t i = 0; i < counters_.size(); ++i) {
    StageTiming timing;
    timing.name = names_[i];
    timing.busy_seconds = static_cast<double>(counters_[i].nanoseconds.load()) / 1e9;
    timing.documents = counters_[i].documents.load();
    timing.bytes = counters_[i].bytes.load();
    result.push_back(std::move(timing));
  }
  return result;
}

}  // namespace corpusflow
