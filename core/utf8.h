// UTF-8 validation and repair shared by parse (JSON input) and encode (JSON output).
// Repair follows the Unicode "maximal subpart" practice: each maximal invalid subsequence becomes one U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace corpusflow {

// Length of the valid UTF-8 sequence starting at text[0], or 0 when text[0] starts an invalid subsequence.
// Rejects overlongs, surrogates, code points above U+10FFFF and truncated sequences.
size_t valid_utf8_sequence_length(std::string_view text);

// Length of the maximal invalid subsequence starting at text[0] (at least 1), to be replaced by one U+FFFD.
size_t invalid_utf8_subsequence_length(std::string_view text);

bool is_valid_utf8(std::string_view text);

// Appends `text` to `out` with every maximal invalid subsequence replaced by U+FFFD; returns how many were replaced.
size_t append_repaired_utf8(std::string_view text, std::string& out);

}  // namespace corpusflow
