// The duplicate kinds stats.json lists (always all three, in this order) and their index in per-kind arrays.
#pragma once

#include <array>
#include <cstddef>

#include "core/document.h"

namespace corpusflow {

inline constexpr std::array<DuplicateKind, 3> kDuplicateKinds = {DuplicateKind::exact, DuplicateKind::url,
                                                                 DuplicateKind::near};

// exact 0, url 1, near 2 (none counts as exact).
inline size_t duplicate_kind_index(DuplicateKind kind) {
  switch (kind) {
    case DuplicateKind::url: return 1;
    case DuplicateKind::near: return 2;
    default: return 0;
  }
}

}  // namespace corpusflow
