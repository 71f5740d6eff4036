#include "stages/filter/filter_rules.h"

#include <cmath>
#include <limits>

namespace corpusflow {
namespace {

constexpr double kOffByDefault = std::numeric_limits<double>::quiet_NaN();
using B = RuleBound;
using V = ValueScale;

constexpr std::array<RuleInfo, kFilterRuleCount> kRules = {{
    {"repetition_loops", "filter", B::maximum, V::fraction, 0.30, false,
     "lines normalize's repetition repair removed beyond a second copy of the page and two title lines, over "
     "the lines before it"},
    {"gopher_dup_line_fraction", "gopher_repetition", B::maximum, V::fraction, 0.30, false,
     "lines that repeat an earlier line, over all lines"},
    {"gopher_dup_paragraph_fraction", "gopher_repetition", B::maximum, V::fraction, 0.30, false,
     "paragraphs that repeat an earlier paragraph, over all paragraphs"},
    {"gopher_dup_line_chars", "gopher_repetition", B::maximum, V::fraction, 0.20, false,
     "characters in repeated lines, over the text's characters"},
    {"gopher_dup_paragraph_chars", "gopher_repetition", B::maximum, V::fraction, 0.20, false,
     "characters in repeated paragraphs, over the text's characters"},
    {"gopher_top_2gram", "gopher_repetition", B::maximum, V::fraction, 0.20, false,
     "characters in the most frequent repeated word 2-gram times its count, over the text's characters"},
    {"gopher_top_3gram", "gopher_repetition", B::maximum, V::fraction, 0.18, false,
     "characters in the most frequent repeated word 3-gram times its count, over the text's characters"},
    {"gopher_top_4gram", "gopher_repetition", B::maximum, V::fraction, 0.16, false,
     "characters in the most frequent repeated word 4-gram times its count, over the text's characters"},
    {"gopher_dup_5gram", "gopher_repetition", B::maximum, V::fraction, 0.15, false,
     "characters in repeated word 5-grams, over the text's characters"},
    {"gopher_dup_6gram", "gopher_repetition", B::maximum, V::fraction, 0.14, false,
     "characters in repeated word 6-grams, over the text's characters"},
    {"gopher_dup_7gram", "gopher_repetition", B::maximum, V::fraction, 0.13, false,
     "characters in repeated word 7-grams, over the text's characters"},
    {"gopher_dup_8gram", "gopher_repetition", B::maximum, V::fraction, 0.12, false,
     "characters in repeated word 8-grams, over the text's characters"},
    {"gopher_dup_9gram", "gopher_repetition", B::maximum, V::fraction, 0.11, false,
     "characters in repeated word 9-grams, over the text's characters"},
    {"gopher_dup_10gram", "gopher_repetition", B::maximum, V::fraction, 0.10, false,
     "characters in repeated word 10-grams, over the text's characters"},
    {"gopher_min_words", "gopher_quality", B::minimum, V::count, 50, false, "words"},
    {"gopher_max_words", "gopher_quality", B::maximum, V::count, 100000, false, "words"},
    {"gopher_min_mean_word_length", "gopher_quality", B::minimum, V::length, 3, false, "mean characters per word"},
    {"gopher_max_mean_word_length", "gopher_quality", B::maximum, V::length, 10, false, "mean characters per word"},
    {"gopher_hash_ratio", "gopher_quality", B::maximum, V::fraction, 0.10, false, "'#' per word"},
    {"gopher_ellipsis_ratio", "gopher_quality", B::maximum, V::fraction, 0.10, false,
     "ellipses ('...' or U+2026) per word"},
    {"gopher_bullet_lines", "gopher_quality", B::maximum, V::fraction, 0.90, false,
     "lines starting with a bullet, over all lines"},
    {"gopher_ellipsis_lines", "gopher_quality", B::maximum, V::fraction, 0.30, false,
     "lines ending in an ellipsis, over all lines"},
    {"gopher_alpha_words", "gopher_quality", B::minimum, V::fraction, 0.80, false,
     "words with a letter, over all words"},
    {"gopher_stop_words", "gopher_quality", B::minimum, V::count, 2, false,
     "distinct stop words of the document's language (languages with a list only)"},
    {"c4_line_max_word_chars", "c4", B::maximum, V::count, 1000, true,
     "removes a line with a word longer than this many characters"},
    {"c4_line_min_words", "c4", B::minimum, V::count, 3, true, "removes a line with fewer words"},
    {"c4_line_terminal_punctuation", "c4", B::flag, V::count, kOffByDefault, true,
     "removes a line that does not end in terminal punctuation (off, as in FineWeb)"},
    {"c4_line_javascript", "c4", B::flag, V::count, 1, true, "removes a line that mentions javascript"},
    {"c4_line_policy", "c4", B::flag, V::count, 1, true, "removes a line about terms of use, privacy or cookie policy"},
    {"c4_lorem_ipsum", "c4", B::flag, V::count, 1, false, "a kept line holds 'lorem ipsum'"},
    {"c4_curly_bracket", "c4", B::flag, V::count, 1, false, "a kept line holds '{'"},
    {"c4_min_sentences", "c4", B::minimum, V::count, kOffByDefault, false,
     "sentences in the kept lines (C4 and FineWeb: 5; off: it removes real short articles)"},
    {"fineweb_line_punctuation", "fineweb", B::minimum, V::fraction, 0.12, false,
     "lines ending in terminal punctuation, over all lines"},
    {"fineweb_short_lines", "fineweb", B::maximum, V::fraction, 0.67, false,
     "lines of at most 30 characters, over all lines"},
    {"fineweb_dup_line_chars", "fineweb", B::maximum, V::fraction, 0.10, false,
     "characters in repeated lines, over the characters of the text without line breaks"},
    {"fineweb_newline_ratio", "fineweb", B::maximum, V::fraction, 0.30, false, "line breaks per word"},
    {"no_text_left", "filter", B::flag, V::count, 1, false, "boilerplate and line removal left no text"},
}};

}  // namespace

const RuleInfo& rule_info(FilterRule rule) { return kRules[rule_index(rule)]; }

std::optional<FilterRule> rule_named(std::string_view name) {
  for (size_t i = 0; i < kRules.size(); ++i) {
    if (kRules[i].name == name) return rule_at(i);
  }
  return std::nullopt;
}

bool breaks(FilterRule rule, double value, double limit) {
  if (std::isnan(limit)) return false;
  switch (rule_info(rule).bound) {
    case RuleBound::minimum: return value < limit;
    case RuleBound::maximum: return value > limit;
    case RuleBound::flag: return limit != 0 && value != 0;
  }
  return false;
}

}  // namespace corpusflow
