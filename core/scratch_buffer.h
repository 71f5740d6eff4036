// Per-thread scratch buffers keep their capacity from one document to the next, so the hot path does not
// allocate; one that an outsized document grew past kScratchKeepBytes is released after use, so what a thread
// holds between documents is bounded by the typical document, not by the largest one seen.
#pragma once

#include <cstddef>

namespace corpusflow {

inline constexpr size_t kScratchKeepBytes = 4u << 20;

template <typename Container>
void trim_scratch(Container& buffer) {
  if (buffer.capacity() * sizeof(typename Container::value_type) > kScratchKeepBytes) Container().swap(buffer);
}

}  // namespace corpusflow
