#include "stages/filter/script_rules.h"

#include <array>
#include <cmath>

namespace corpusflow {
namespace {

constexpr std::array<std::string_view, 8> kCharacterScripts = {"Hani", "Hira", "Kana", "Jpan",
                                                               "Thai", "Laoo", "Khmr", "Mymr"};
constexpr std::array<std::string_view, 6> kPhraseScripts = {"Tibt", "Java", "Bali", "Yiii", "Lana", "Tale"};
constexpr std::array<std::string_view, 6> kSyllableScripts = {"Hang", "Vaii", "Cher", "Cans", "Ethi", "Tavt"};
// Scripts whose sentences end in a space, not a mark.
constexpr std::array<std::string_view, 2> kUnpunctuatedScripts = {"Thai", "Laoo"};

template <size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view script) {
  for (std::string_view entry : list) {
    if (entry == script) return true;
  }
  return false;
}

void off(RuleLimits& limits, FilterRule rule) { limits[rule_index(rule)] = std::nan(""); }

void word_ngrams_off(RuleLimits& limits) {
  for (size_t i = rule_index(FilterRule::gopher_top_2gram); i <= rule_index(FilterRule::gopher_dup_10gram); ++i) {
    limits[i] = std::nan("");
  }
}

}  // namespace

ScriptWords script_words(std::string_view script) {
  if (among(kCharacterScripts, script)) return ScriptWords::characters;
  if (among(kPhraseScripts, script)) return ScriptWords::phrases;
  if (among(kSyllableScripts, script)) return ScriptWords::syllables;
  return ScriptWords::spaced;
}

void apply_script_limits(std::string_view script, RuleLimits& limits) {
  if (among(kUnpunctuatedScripts, script)) off(limits, FilterRule::fineweb_line_punctuation);
  switch (script_words(script)) {
    case ScriptWords::spaced: return;
    case ScriptWords::syllables: off(limits, FilterRule::gopher_min_mean_word_length); return;
    case ScriptWords::characters:
      off(limits, FilterRule::gopher_min_mean_word_length);
      off(limits, FilterRule::gopher_max_mean_word_length);
      word_ngrams_off(limits);
      return;
    case ScriptWords::phrases:
      for (FilterRule rule :
           {FilterRule::gopher_min_words, FilterRule::gopher_max_words, FilterRule::gopher_min_mean_word_length,
            FilterRule::gopher_max_mean_word_length, FilterRule::gopher_hash_ratio, FilterRule::gopher_ellipsis_ratio,
            FilterRule::gopher_alpha_words, FilterRule::gopher_stop_words, FilterRule::c4_line_min_words,
            FilterRule::fineweb_newline_ratio}) {
        off(limits, rule);
      }
      word_ngrams_off(limits);
      return;
  }
}

}  // namespace corpusflow
