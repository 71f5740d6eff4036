// JSON string escaping that always yields valid JSON: invalid UTF-8 is replaced by U+FFFD on the way out.
#pragma once

#include <string>
#include <string_view>

namespace corpusflow {

// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace corpusflow
