// The one shape of a stage: a state made once per worker from the stage's config, then handed batches.
// A parallel stage gets one state per thread and sees batches in any order; a serial one has a single state
// that sees every batch in input order. The engine builds its graph from a list of these (engine/graph/stage_list).
#pragma once

#include <concepts>
#include <string_view>

#include "core/batch.h"

namespace corpusflow {

enum class StageMode { parallel, serial_in_order };

template <typename S>
concept BatchStage = requires(S& stage, Batch& batch) {
  typename S::Config;
  { S::kName } -> std::convertible_to<std::string_view>;
  { S::kMode } -> std::convertible_to<StageMode>;
  requires std::constructible_from<S, const typename S::Config&>;
  stage.process(batch);
};

}  // namespace corpusflow
