// HugePageAllocator: a std::allocator for the large flat tables of the dedup index. Arrays of 2 MiB or
// more are 2 MiB-aligned and madvise(MADV_HUGEPAGE)d, so random lookups in tables far larger than the
// cache miss the TLB less (transparent huge pages in `madvise` mode, Debian's default). Smaller arrays
// come from operator new.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace corpusflow {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// Bytes an allocation of `bytes` really takes: rounded up to whole huge pages from 2 MiB on.
inline size_t huge_page_rounded(size_t bytes) {
  return bytes < kHugePageBytes ? bytes : (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

template <typename T>
struct HugePageAllocator {
  using value_type = T;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePageBytes) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = huge_page_rounded(bytes);
    void* memory = std::aligned_alloc(kHugePageBytes, rounded);
    if (memory == nullptr) throw std::bad_alloc();
    madvise(memory, rounded, MADV_HUGEPAGE);  // advice only: without THP the table still works
    return static_cast<T*>(memory);
  }

  void deallocate(T* memory, size_t n) {
    if (n * sizeof(T) < kHugePageBytes) {
      ::operator delete(memory);
    } else {
      std::free(memory);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace corpusflow
