// Repairs of JSON lines as real writers produce them, applied before the JSON parser sees the line: what
// Python's json.dumps writes for undecodable bytes (lone surrogate escapes) and numbers outside what a double
// or a 64-bit integer holds (kept as written, so they are checked here for their grammar only).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace corpusflow {

// Rewrites, in place, every `\uD800`..`\uDFFF` escape that is not half of a surrogate pair as `\uFFFD` (the
// same length, so byte offsets stay). Returns how many were rewritten. Escapes are found by the JSON string
// grammar: `\\u...` (an escaped backslash before `u`) is left alone.
size_t replace_lone_surrogate_escapes(std::string& json);

// Copies `json` to `out` (cleared first) with every number token outside strings replaced by `0`, so a
// validator that rejects numbers it cannot represent checks only the structure; returns false when a token
// that starts like a number is not a JSON number (`01`, `1.`, `-`, `1e+`).
bool blank_out_numbers(std::string_view json, std::string& out);

}  // namespace corpusflow
