#include "stages/stats/utf8_prefix.h"

#include <algorithm>

#include "core/utf8.h"

namespace corpusflow {

std::string utf8_prefix(std::string_view text, size_t max_bytes) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  for (size_t i = 0; i < text.size();) {
    std::string_view rest = text.substr(i);
    size_t valid = valid_utf8_sequence_length(rest);
    std::string_view piece = valid != 0 ? rest.substr(0, valid) : kReplacement;
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += valid != 0 ? valid : invalid_utf8_subsequence_length(rest);
  }
  return out;
}

}  // namespace corpusflow
