// Language of a text with CLD2 (compiled-in model): a BCP 47 code and the share of the text in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace corpusflow {

struct LanguageGuess {
  std::string language = "und";  // "und" when CLD2 is unsure (unreliable or unknown)
  float score = 0.0f;            // share of the text in `language`, 0..1; 0 for "und"
};

// How much of a text CLD2 reads. CLD2 costs ~25 ns per byte read, so it first reads two short windows of the
// sample (its start and its middle) and takes their answer when both are reliable and agree; otherwise it
// reads the whole sample. Measured trade-off in docs/normalize.md.
struct LanguageSampling {
  size_t sample_bytes = 2048;  // the most CLD2 reads of a text (0: all of it)
  size_t window_bytes = 192;   // each of the two windows (0: read the whole sample at once)
};

// `utf8_text` must be valid UTF-8. At most `max_bytes` of it are read (0: all), cut at a character boundary.
// Thread-safe: CLD2 keeps no state between calls.
LanguageGuess detect_language(std::string_view utf8_text, size_t max_bytes);

// The same with two windows first (see LanguageSampling); a text no longer than two windows is read whole.
// language_hint: what the page declares (`ru`, `en-US`, `mi,en`), which CLD2 boosts; "" for none.
LanguageGuess detect_language(std::string_view utf8_text, const LanguageSampling& sampling,
                              std::string_view language_hint = {});

}  // namespace corpusflow
