// Dominant writing system of a text: the ISO 15924 code of the script with the most letters (general
// category L*), Common and Inherited ignored. Han with any Hiragana/Katakana counts as "Jpan".
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

// "Zyyy" when the text has no letters. Thread-safe.
std::string dominant_script(std::string_view utf8_text);

}  // namespace corpusflow
