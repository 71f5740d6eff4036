// The start of a text for a sample in stats.json: at most a number of bytes, ending before a character,
// always valid UTF-8 (invalid sequences become U+FFFD), so it survives a JSON round trip unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace corpusflow {

std::string utf8_prefix(std::string_view text, size_t max_bytes);

}  // namespace corpusflow
