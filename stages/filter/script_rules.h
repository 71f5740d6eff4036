// The word rules that a writing system cannot be held to (docs/filters.md, "Per script"): in scripts written
// without spaces a word is a character (Han, Kana, Thai, Lao, Khmer, Myanmar) or a whole phrase (Tibetan,
// Javanese, Balinese, Yi), and in syllabaries a character is a syllable, so word counts, lengths and word
// n-grams mean something else there; Thai and Lao end sentences with a space, so no line-punctuation rule.
// Switched off by the document's dominant script, whatever its language.
#pragma once

#include <string_view>

#include "stages/filter/filter_rules.h"

namespace corpusflow {

enum class ScriptWords : uint8_t {
  spaced,      // words between spaces, letters within: every rule applies
  characters,  // written without spaces and split into characters: no word length, no word n-grams
  phrases,     // written without spaces and not split: no rule that counts or measures words
  syllables,   // spaced, each character a syllable: no minimum mean word length
};

// ISO 15924 code, as Document::script holds it.
ScriptWords script_words(std::string_view script);

// Switches off in `limits` the rules `script` cannot be held to.
void apply_script_limits(std::string_view script, RuleLimits& limits);

}  // namespace corpusflow
