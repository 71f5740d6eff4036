// The one shape of a stage: a state made once per worker from the stage's config, then handed batches.
// A parallel stage gets one state per thread and sees batches in any order; a serial one has a single state
// that sees every batch in input order. A gathering one is serial too, and may hold batches back: its
// process() returns false to hold a batch and true to let every batch it holds, this one included, go on in
// order (it may keep pointers to the held batches until then). The engine builds its graph from a list of these
// (engine/graph/stage_list) and ends every run with an empty batch marked end_of_run.
#pragma once

#include <concepts>
#include <string_view>

#include "core/batch.h"

namespace corpusflow {

enum class StageMode { parallel, serial_in_order, gather };

template <typename S>
concept BatchStage = requires(S& stage, Batch& batch) {
  typename S::Config;
  { S::kName } -> std::convertible_to<std::string_view>;
  { S::kMode } -> std::convertible_to<StageMode>;
  requires std::constructible_from<S, const typename S::Config&>;
  stage.process(batch);
  requires S::kMode != StageMode::gather || requires {
    { stage.process(batch) } -> std::same_as<bool>;
  };
};

}  // namespace corpusflow
