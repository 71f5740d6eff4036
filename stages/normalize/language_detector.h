// Language of a text with CLD2 (compiled-in model): a BCP 47 code and the share of the text in it.
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

struct LanguageGuess {
  std::string language = "und";  // "und" when CLD2 is unsure (unreliable or unknown)
  float score = 0.0f;            // share of the text in `language`, 0..1; 0 for "und"
};

// `utf8_text` must be valid UTF-8. At most `max_bytes` of it are read (0: all), cut at a character boundary.
// Thread-safe: CLD2 keeps no state between calls.
LanguageGuess detect_language(std::string_view utf8_text, size_t max_bytes);

}  // namespace corpusflow
