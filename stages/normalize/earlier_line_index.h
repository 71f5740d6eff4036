// Finds, for each line of a page, an earlier line with the same bytes, so that the normalizer computes the
// fingerprint of a repeated line once (3 of 4 scraped pages repeat their whole body). Open addressing over
// buffers kept from page to page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace corpusflow {

class EarlierLineIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Empties the index for a page of at most `lines` lines of `text`.
  void reset(std::string_view text, size_t lines);

  // The first earlier line with the bytes of text[begin, end), or kNone; the line is recorded as `line`
  // when it is the first of its bytes.
  uint32_t find_or_add(uint32_t begin, uint32_t end, uint32_t line);

  void trim();  // frees what an outsized page left

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t line = kNone;
  };
  std::string_view text_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace corpusflow
