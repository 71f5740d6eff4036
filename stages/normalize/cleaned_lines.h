// The lines clean_text() has already cleaned in one text, by the hash of their bytes, so that a line seen
// again (three scraped pages in four repeat their body) is written again from the output. Open addressing,
// kept from one text to the next by each thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace corpusflow {

// What cleaning one line of the input gave, so that a later line with the same bytes is written again from
// the output instead of cleaned again. Only lines that cleaning treats alike wherever they stand are kept: no
// line break inside (CR, NEL, U+2028/9), no invalid UTF-8 (its offset is reported), some visible content.
struct CleanedLine {
  uint64_t hash = 0;
  int32_t begin = 0;  // the line in the input, without its '\n'
  int32_t end = 0;
  size_t out_begin = 0;  // its visible content in the output
  size_t out_length = 0;
  bool nfc_unsure = false;
  bool saw_special = false;
  bool saw_high = false;
  uint32_t controls_removed = 0;
  uint32_t tatweel_removed = 0;
};

class CleanedLines {
 public:
  static constexpr int32_t kMinLineBytes = 32;  // shorter lines cost less to clean than to look up

  // Empties the table for the lines of `text`; a table a long page grew is given back.
  void reset(const char* text) {
    text_ = text;
    if (slots_.size() == kInitialSlots) {
      std::fill(slots_.begin(), slots_.end(), CleanedLine{});
    } else {
      slots_.assign(kInitialSlots, CleanedLine{});
    }
    used_ = 0;
  }
  const CleanedLine* find(uint64_t hash, int32_t begin, int32_t end) const {
    for (size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
      const CleanedLine& line = slots_[slot];
      if (line.end == 0) return nullptr;
      if (line.hash == hash && line.end - line.begin == end - begin &&
          std::memcmp(text_ + line.begin, text_ + begin, static_cast<size_t>(end - begin)) == 0) {
        return &line;
      }
    }
  }
  void add(const CleanedLine& line) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    place(line);
    ++used_;
  }

 private:
  static constexpr size_t kInitialSlots = 64;
  void place(const CleanedLine& line) {
    size_t slot = line.hash & (slots_.size() - 1);
    while (slots_[slot].end != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = line;
  }
  void grow() {
    std::vector<CleanedLine> old(slots_.size() * 2);
    old.swap(slots_);
    for (const CleanedLine& line : old) {
      if (line.end != 0) place(line);
    }
  }
  const char* text_ = nullptr;
  std::vector<CleanedLine> slots_;
  size_t used_ = 0;
};

}  // namespace corpusflow
