// HTML text helpers for the report: escaping of everything that comes from data.
#pragma once

#include <string>
#include <string_view>

namespace corpusflow::html {

// Escapes & < > " ' and replaces invalid UTF-8 and C0 controls (except tab and newline) with U+FFFD,
// so a hostile host name or title can neither break out of an element or attribute nor the encoding.
std::string escape(std::string_view text);

// Text from data shown inline: <bdi dir="auto">escaped</bdi>, so right-to-left names keep their
// order and do not reorder the numbers around them.
std::string isolate(std::string_view text);

}  // namespace corpusflow::html
