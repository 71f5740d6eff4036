// The stages of a run in graph order, made from its config: the one place a stage is added. The graph, the
// stage clock and stats.json learn the stages from this list.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/graph/run_config.h"
#include "stages/dedup/decider.h"
#include "stages/filter/boilerplate_counter.h"
#include "stages/filter/filter_stats.h"
#include "stages/ids/id_registry.h"
#include "stages/stage.h"
#include "stages/stats/stats_accumulator.h"

namespace corpusflow {

// What stages hand back after the run.
struct StageResults {
  StatsAccumulator stats;
  DeciderStats dedup;
  IdStats ids;
  FilterStats filter;
  BoilerplateCounts boilerplate;
};

// One stage's state, behind the interface the graph drives.
class StageWorker {
 public:
  virtual ~StageWorker() = default;
  // False: a gathering stage holds the batch (stages/stage.h).
  virtual bool process(Batch& batch) = 0;
  virtual void collect(StageResults& results) const = 0;
};

struct StageEntry {
  std::string name;
  StageMode mode;
  std::function<std::unique_ptr<StageWorker>()> make;  // called once per worker thread (parallel) or once (serial)
};

// Expects a resolved config (resolve(RunConfig&)).
std::vector<StageEntry> stage_list(const RunConfig& config);

}  // namespace corpusflow
