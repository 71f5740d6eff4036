// Site words: what a site's furniture (menus, footers, "read more" lines) says, in the script of the site's
// text family, and real words drawn from a family for the families no vocabulary covers. Also the small
// UTF-8 helpers the generator needs to cut text at character boundaries.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "engine/gen/rng.h"
#include "engine/gen/text_pool.h"

namespace corpusflow::gen {

// The dominant script of a family's text. Families in a script without a vocabulary below are other_spaced
// (words between spaces: Ethiopic, Georgian, Armenian, Bengali, Tamil, ...) or other_unspaced (Khmer, Lao,
// Myanmar, Tibetan, ...).
enum class Script : uint8_t {
  latin,
  arabic,
  cyrillic,
  greek,
  hebrew,
  devanagari,
  han,
  japanese,
  hangul,
  thai,
  other_spaced,
  other_unspaced
};

const char* to_string(Script script);
// Whether the script writes spaces between words (Han, Japanese, Thai and other_unspaced do not).
bool is_spaced(Script script);

// The script of most letters in up to 64 sentences of `family`, spread over the family.
Script detect_script(const TextPool& pool, size_t family);
// The script of most letters of `text`, as detect_script decides it.
Script text_script(std::string_view text);

// A site's words in one language per script: English for Latin, Arabic, Russian for Cyrillic, Greek, Hebrew,
// Hindi for Devanagari, Chinese for Han, Japanese, Korean, Thai. Footer templates hold {host}, {year} (the
// site's last year) and {since} (its first year).
struct SiteVocabulary {
  std::string_view home;
  std::span<const std::string_view> sections;
  std::span<const std::string_view> account;  // log in, subscribe, search, ...
  std::span<const std::string_view> footers;
  std::string_view read_more;  // prefix of a line that links another article
};

// The vocabulary of `script`; nullptr for other_spaced and other_unspaced, whose lines are made of the family's
// own words.
const SiteVocabulary* vocabulary(Script script);
// Footer templates any site may carry, whatever its script ("© {year} {host}", social network names).
std::span<const std::string_view> universal_footers();
// Names of social networks, as menus and share lines show them in every language.
std::span<const std::string_view> social_networks();

// The code point at `at` (U+FFFD for a byte that starts no valid sequence); advances `at` past it.
uint32_t decode_code_point(std::string_view text, size_t& at);
// Number of code points.
size_t code_point_count(std::string_view text);
// Punctuation, symbols, spaces, digits and format characters (Unicode P*, S*, N*, Z*, Cc, Cf but the
// joiners; engine/gen/unicode_tables.h): what is not part of a word.
bool is_punctuation(uint32_t code_point);
// Combining marks (Mn, Mc, Me: accents, harakat, Indic and Thai vowel signs) and the joiners U+200C, U+200D:
// a cut must not leave one at a start.
bool is_combining_mark(uint32_t code_point);
// `text` without the punctuation and spaces at its end.
std::string_view strip_trailing_punctuation(std::string_view text);
// The first `units` words of a sentence (spaced scripts) or its first 2 x `units` characters (others,
// extended past combining marks), without punctuation at the end. The whole sentence when it is shorter.
std::string sentence_start(std::string_view sentence, Script script, size_t units);

// A real word of the family: for spaced scripts a run of 2-20 characters between spaces or punctuation (no
// digits); for the others 2-4 characters cut from a sentence (with their marks), without punctuation. Empty
// when a few tries find none.
std::string family_word(const TextPool& pool, size_t family, Script script, Rng& rng);

}  // namespace corpusflow::gen
