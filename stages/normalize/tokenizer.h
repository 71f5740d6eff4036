// Tokenizer over fingerprint text: words for space-delimited scripts, one token per character for scripts
// written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar), also for runs of them inside
// mixed text. Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace corpusflow {

// Appends the tokens of a fingerprint text (views into it) to `tokens` (cleared first). `fingerprint_text` must be
// valid UTF-8.
void tokenize(std::string_view fingerprint_text, std::vector<std::string_view>& tokens);

// The same tokens found one character at a time: slow, obviously right; the test oracle of tokenize().
void tokenize_reference(std::string_view fingerprint_text, std::vector<std::string_view>& tokens);

// Number of tokens tokenize() would produce, without building them; `fingerprint_text` must be valid UTF-8
// (fingerprint text always is). Text without characters above U+07FF is counted in one branch-free pass.
size_t count_tokens(std::string_view fingerprint_text);

// True when `c` is tokenized one character at a time: its script is one of the above, or it is a
// Common/Inherited character used by one of them (e.g. U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK).
bool is_character_token(char32_t c);

}  // namespace corpusflow
