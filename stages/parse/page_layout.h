// The scraped-page layout of the seed: ` date YYYY-MM-DD URL`, then the title line, then the body.
#pragma once

#include <string_view>

namespace corpusflow {

struct PageParts {
  bool has_header = false;
  std::string_view date;  // YYYY-MM-DD
  std::string_view url;
  std::string_view title;  // first non-empty line after the header
  std::string_view body;   // everything after the title line; the whole page when there is no header
};

PageParts split_page(std::string_view page);

// True for YYYY-MM-DD with a plausible month and day.
bool is_iso_day(std::string_view text);

}  // namespace corpusflow
