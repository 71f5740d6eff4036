// Nearest-name suggestions for a mistyped command or option, by Damerau-Levenshtein distance.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpusflow {

// Insertions, deletions, substitutions and transpositions of adjacent characters that turn a into b (the optimal
// string alignment distance: no substring is edited twice).
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to word, if it is within max(1, n / 3) edits and fewer than n, n being the length of word
// without its leading dashes; the first of equally near ones.
std::optional<std::string> nearest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace corpusflow
