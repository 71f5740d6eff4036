#include "engine/graph/stage_list.h"

#include "engine/graph/compress_stage.h"
#include "engine/graph/io_error_guard.h"
#include "stages/dedup/decide_stage.h"
#include "stages/dedup/fingerprint_stage.h"
#include "stages/encode/encode_stage.h"
#include "stages/filter/boilerplate_stage.h"
#include "stages/filter/filter_stage.h"
#include "stages/html/extract_stage.h"
#include "stages/ids/id_stage.h"
#include "stages/normalize/normalize_stage.h"
#include "stages/parse/parse_stage.h"
#include "stages/stats/stats_stage.h"

namespace corpusflow {
namespace {

struct NothingToCollect {
  template <typename S>
  void operator()(const S&, StageResults&) const {}
};

template <BatchStage S, typename Collect>
class Worker final : public StageWorker {
 public:
  Worker(const typename S::Config& config, Collect collect) : stage_(config), collect_(collect) {}
  bool process(Batch& batch) override {
    if constexpr (S::kMode == StageMode::gather) {
      return stage_.process(batch);
    } else {
      stage_.process(batch);
      return true;
    }
  }
  void collect(StageResults& results) const override { collect_(stage_, results); }

 private:
  S stage_;
  Collect collect_;
};

template <BatchStage S, typename Collect = NothingToCollect>
StageEntry stage(typename S::Config config, Collect collect = {}) {
  return {std::string(S::kName), S::kMode,
          [config = std::move(config), collect] { return std::make_unique<Worker<S, Collect>>(config, collect); }};
}

}  // namespace

std::vector<StageEntry> stage_list(const RunConfig& config) {
  std::vector<StageEntry> list;
  list.push_back(stage<ParseStage>({}));
  list.push_back(stage<ExtractStage>(config.extract));
  list.push_back(stage<NormalizeStage>(config.normalize));
  if (config.filter.boilerplate.enabled) {
    list.push_back(stage<BoilerplateStage>(
        config.filter.boilerplate, [](const BoilerplateStage& s, StageResults& r) { r.boilerplate = s.counts(); }));
  }
  if (config.filter.enabled || config.filter.boilerplate.enabled) {
    list.push_back(
        stage<FilterStage>(config.filter, [](const FilterStage& s, StageResults& r) { r.filter.merge(s.stats()); }));
  }
  if (config.dedup.enabled()) list.push_back(stage<FingerprintStage>(config.dedup));
  if (config.fail_on_io_error) list.push_back(stage<IoErrorGuard>({}));
  list.push_back(
      stage<IdStage>({config.dedup.index_memory_bytes}, [](const IdStage& s, StageResults& r) { r.ids = s.stats(); }));
  if (config.dedup.enabled()) {
    list.push_back(
        stage<DecideStage>(config.dedup, [](const DecideStage& s, StageResults& r) { r.dedup = s.stats(); }));
  }
  list.push_back(
      stage<StatsStage>(config.stats, [](const StatsStage& s, StageResults& r) { r.stats.merge(s.accumulator()); }));
  list.push_back(stage<EncodeStage>(config.encode));
  list.push_back(stage<CompressStage>({config.compression_level}));
  return list;
}

}  // namespace corpusflow
