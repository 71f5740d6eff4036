#include "stages/normalize/repetition.h"

#include <utility>

#include "core/scratch_buffer.h"

namespace corpusflow {
namespace {

// From a 64-bit hash to the first position stored under it: one flat open-addressing table sized for the
// page, instead of a node per line (a 500,000-line page took ~36 MB in unordered containers, this 12 MB, at most 75%
// full).
// The table lives in buffers the caller keeps from page to page.
class FirstPosition {
 public:
  FirstPosition(size_t expected, std::vector<uint64_t>& keys, std::vector<uint32_t>& positions)
      : keys_(keys), positions_(positions) {
    size_t capacity = 16;
    while (capacity * 3 < expected * 4) capacity <<= 1;  // at most 75% full
    keys_.assign(capacity, 0);
    positions_.resize(capacity);
    mask_ = capacity - 1;
  }
  // The position first stored under key, and whether it is the one just given (the key was new).
  std::pair<size_t, bool> try_emplace(uint64_t key, uint32_t position) {
    if (key == 0) key = 1;  // 0 marks an empty slot
    for (size_t slot = (key * 0x9E3779B97F4A7C15ULL) >> 32 & mask_;; slot = (slot + 1) & mask_) {
      if (keys_[slot] == 0) {
        keys_[slot] = key;
        positions_[slot] = position;
        return {position, true};
      }
      if (keys_[slot] == key) return {positions_[slot], false};
    }
  }

 private:
  std::vector<uint64_t>& keys_;
  std::vector<uint32_t>& positions_;  // a line's index: TextLine offsets are 32-bit too
  size_t mask_ = 0;
};

uint64_t pair_key(uint64_t first, uint64_t second) {
  return first * 0x9E3779B97F4A7C15ULL ^ (second + 0x632BE59BD9B4E019ULL + (first << 6) + (first >> 2));
}

// Positions (in `lines`) of the non-blank lines still kept.
const std::vector<size_t>& kept_lines(const std::vector<TextLine>& lines, std::vector<size_t>& kept) {
  kept.clear();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank && !lines[i].removed) kept.push_back(i);
  }
  return kept;
}

// Smallest period of the keys of `kept`, or 0 when they do not repeat at least twice.
size_t page_period(const std::vector<TextLine>& lines, const std::vector<size_t>& kept, std::vector<size_t>& failure) {
  const size_t m = kept.size();
  if (m < 2) return 0;
  failure.assign(m + 1, 0);
  for (size_t i = 1; i < m; ++i) {
    size_t k = failure[i];
    while (k > 0 && lines[kept[i]].key != lines[kept[k]].key) k = failure[k];
    if (lines[kept[i]].key == lines[kept[k]].key) ++k;
    failure[i + 1] = k;
  }
  const size_t period = m - failure[m];
  return period * 2 <= m ? period : 0;
}

size_t remove_page_repeats(std::vector<TextLine>& lines, const std::vector<size_t>& kept,
                           std::vector<size_t>& failure) {
  const size_t period = page_period(lines, kept, failure);
  if (period == 0) return 0;
  for (size_t i = kept[period]; i < lines.size(); ++i) lines[i].removed = true;
  return kept.size() - period;
}

size_t remove_repeated_runs_and_lines(std::vector<TextLine>& lines, const std::vector<size_t>& kept, uint64_t title_key,
                                      uint32_t title_fingerprint_chars, const RepetitionOptions& options,
                                      RepetitionScratch& scratch) {
  const size_t m = kept.size();
  auto key = [&](size_t i) { return lines[kept[i]].key; };
  auto is_long = [&](size_t i) { return lines[kept[i]].fingerprint_chars >= options.min_repeated_line_chars; };
  size_t long_count = 1;
  for (size_t k = 0; k < m; ++k) long_count += is_long(k);
  FirstPosition first_pair(m, scratch.pair_keys, scratch.pair_positions);
  FirstPosition long_lines(long_count, scratch.long_keys, scratch.long_positions);
  if (title_key != 0 && title_fingerprint_chars >= options.min_repeated_line_chars)
    long_lines.try_emplace(title_key, 0);
  size_t removed = 0;
  size_t i = 0;
  while (i < m) {
    if (i + 1 < m) {
      const auto [j, inserted] = first_pair.try_emplace(pair_key(key(i), key(i + 1)), static_cast<uint32_t>(i));
      if (!inserted && j + 2 <= i && key(j) == key(i) && key(j + 1) == key(i + 1)) {
        size_t length = 2;
        while (i + length < m && j + length < i && key(j + length) == key(i + length)) ++length;
        for (size_t k = i; k < i + length; ++k) lines[kept[k]].removed = true;
        removed += length;
        i += length;
        continue;
      }
    }
    if (is_long(i) && !long_lines.try_emplace(key(i), static_cast<uint32_t>(i)).second) {
      lines[kept[i]].removed = true;
      ++removed;
    }
    ++i;
  }
  return removed;
}

size_t remove_title_at_top(std::vector<TextLine>& lines, const std::vector<size_t>& kept, uint64_t title_key) {
  size_t removed = 0;
  while (removed < kept.size() && lines[kept[removed]].key == title_key) {
    lines[kept[removed]].removed = true;
    ++removed;
  }
  return removed;
}

}  // namespace

size_t remove_repetition(std::vector<TextLine>& lines, uint64_t title_key, uint32_t title_fingerprint_chars,
                         const RepetitionOptions& options) {
  RepetitionScratch scratch;
  return remove_repetition(lines, title_key, title_fingerprint_chars, options, scratch);
}

void RepetitionScratch::trim() {
  trim_scratch(kept);
  trim_scratch(failure);
  trim_scratch(pair_keys);
  trim_scratch(pair_positions);
  trim_scratch(long_keys);
  trim_scratch(long_positions);
}

size_t remove_repetition(std::vector<TextLine>& lines, uint64_t title_key, uint32_t title_fingerprint_chars,
                         const RepetitionOptions& options, RepetitionScratch& scratch) {
  // Each round only removes lines, so this ends, in at most one round per line. A removal can expose a new
  // repeat (a run nested in another takes one round per level), so rounds go on until nothing changes: at
  // least kMinRounds, then while the lines visited stay within kWorkBudget (~0.2 s), which bounds adversarial
  // pages (each round visits every line) yet lets any page of up to 1,024 lines reach its fixed point, so that
  // normalizing a normalized text changes nothing. (A fixed 16 rounds left repeats nested 17 deep.)
  constexpr int kMinRounds = 16;
  constexpr uint64_t kWorkBudget = uint64_t{1} << 20;
  uint64_t work = 0;
  size_t total = 0;
  for (int round = 0; round < kMinRounds || work <= kWorkBudget; ++round) {
    work += lines.size();
    size_t removed = remove_page_repeats(lines, kept_lines(lines, scratch.kept), scratch.failure);
    if (removed == 0) {
      removed = remove_repeated_runs_and_lines(lines, kept_lines(lines, scratch.kept), title_key,
                                               title_fingerprint_chars, options, scratch);
    }
    if (title_key != 0) removed += remove_title_at_top(lines, kept_lines(lines, scratch.kept), title_key);
    if (removed == 0) break;
    total += removed;
  }
  return total;
}

}  // namespace corpusflow
