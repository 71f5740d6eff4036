// The values the Gopher rules (MassiveText, Rae et al. 2021) measure on a cleaned text: repetition of lines,
// paragraphs and word n-grams, and the quality values of its words and lines (docs/filters.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stages/filter/filter_rules.h"
#include "stages/filter/hash_counter.h"
#include "stages/filter/text_spans.h"

namespace corpusflow {

// One measured value per rule; NaN where the rule was not measured.
using RuleValues = std::array<double, kFilterRuleCount>;
inline void set_value(RuleValues& values, FilterRule rule, double value) { values[rule_index(rule)] = value; }

// Stop words as the Gopher rule matches them: hashes of the lower-cased words.
class StopWords {
 public:
  StopWords() = default;
  explicit StopWords(const std::vector<std::string>& words);
  bool empty() const { return hashes_.empty(); }
  bool contains(uint64_t lower_hash) const;
  // A word longer than this in bytes cannot lower-case to a stop word (simple case mapping changes a character's
  // UTF-8 length at most threefold: K KELVIN SIGN, 3 bytes, to k).
  size_t longest_bytes() const { return longest_bytes_; }
  // Hash of a word lower-cased (Unicode simple case mapping) as contains() expects; `scratch` is reused.
  static uint64_t lower_hash(std::string_view word, std::string& scratch);

 private:
  std::vector<uint64_t> hashes_;  // sorted
  size_t longest_bytes_ = 0;
};

class GopherMeter {
 public:
  // Sets the gopher_* entries of `values` for `text`, split into `spans`.
  void measure(std::string_view text, const TextSpans& spans, const StopWords& stop_words, RuleValues& values);

 private:
  void measure_repetition(std::string_view text, const TextSpans& spans, RuleValues& values);
  void measure_ngrams(double text_chars, RuleValues& values);

  HashCounter counter_;
  std::vector<uint64_t> word_hashes_;  // of the counted words, in order
  std::vector<uint32_t> word_chars_;
  std::vector<uint64_t> gram_hashes_;  // the 2-gram at each word
  std::vector<uint32_t> run_;          // repeated 2-grams from each word on
  std::vector<uint64_t> chars_before_;
  std::vector<uint64_t> seen_;
  std::string lower_;
};

}  // namespace corpusflow
