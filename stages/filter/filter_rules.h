// The quality rules of the filter stage (docs/filters.md): their names, families, what each measures and the
// published default it starts from. A rule is a bound on one measured value; a document fails the first rule,
// in this order, whose bound its value breaks. Line rules remove lines instead of documents.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace corpusflow {

enum class FilterRule : uint8_t {
  // What normalize's repetition repair took out beyond a second copy of the page: a scraper's loop (ours)
  repetition_loops,
  // Gopher repetition (MassiveText, Rae et al. 2021, table A1), on the text after boilerplate removal
  gopher_dup_line_fraction,
  gopher_dup_paragraph_fraction,
  gopher_dup_line_chars,
  gopher_dup_paragraph_chars,
  gopher_top_2gram,
  gopher_top_3gram,
  gopher_top_4gram,
  gopher_dup_5gram,
  gopher_dup_6gram,
  gopher_dup_7gram,
  gopher_dup_8gram,
  gopher_dup_9gram,
  gopher_dup_10gram,
  // Gopher quality (MassiveText, appendix A)
  gopher_min_words,
  gopher_max_words,
  gopher_min_mean_word_length,
  gopher_max_mean_word_length,
  gopher_hash_ratio,
  gopher_ellipsis_ratio,
  gopher_bullet_lines,
  gopher_ellipsis_lines,
  gopher_alpha_words,
  gopher_stop_words,
  // C4 (Raffel et al. 2020) as FineWeb ran it: line rules first, then the page rules on the lines kept
  c4_line_max_word_chars,
  c4_line_min_words,
  c4_line_terminal_punctuation,
  c4_line_javascript,
  c4_line_policy,
  c4_lorem_ipsum,
  c4_curly_bracket,
  c4_min_sentences,
  // FineWeb's own (Penedo et al. 2024), on the text C4 left
  fineweb_line_punctuation,
  fineweb_short_lines,
  fineweb_dup_line_chars,
  fineweb_newline_ratio,
  // Always on: nothing left after boilerplate and line removal
  no_text_left,
};

inline constexpr size_t kFilterRuleCount = static_cast<size_t>(FilterRule::no_text_left) + 1;

enum class RuleBound : uint8_t {
  minimum,  // fails when the value is below the limit
  maximum,  // fails when the value is above the limit
  flag,     // a line or page rule that is on (limit 1) or off (limit 0): fails when the value is 1
};

// How a rule's values are binned in stats.json.
enum class ValueScale : uint8_t { fraction, count, length };

struct RuleInfo {
  std::string_view name;
  std::string_view family;  // gopher_repetition, gopher_quality, c4, fineweb, filter
  RuleBound bound;
  ValueScale scale;
  double default_limit;  // NaN: off by default
  bool removes_lines;    // a line rule: it removes lines, never a whole document
  std::string_view measures;
};

const RuleInfo& rule_info(FilterRule rule);
std::optional<FilterRule> rule_named(std::string_view name);
inline size_t rule_index(FilterRule rule) { return static_cast<size_t>(rule); }
inline FilterRule rule_at(size_t index) { return static_cast<FilterRule>(index); }

// Limits of every rule for one language; NaN switches a rule off.
using RuleLimits = std::array<double, kFilterRuleCount>;

// True when `value` breaks `limit` (never for an off rule).
bool breaks(FilterRule rule, double value, double limit);

}  // namespace corpusflow
