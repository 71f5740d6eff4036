// JSON string escaping that always yields valid JSON: invalid UTF-8 is replaced by U+FFFD on the way out.
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

// Appends `text` as a quoted JSON string. Finds the bytes to escape 16 at a time (SSE2).
void append_json_string(std::string& out, std::string_view text);

// The same, byte by byte: the scalar twin the tests hold append_json_string() to.
void append_json_string_scalar(std::string& out, std::string_view text);

}  // namespace corpusflow
