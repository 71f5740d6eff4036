// ANT sample pages for the dedup tests, each split into its header URL and its body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tests/support/sample_records.h"

namespace corpusflow::testing {

struct AntPage {
  std::string name;  // tar member
  std::string url;   // from the ` date YYYY-MM-DD URL` header; empty without one
  std::string text;  // everything after the header
};

inline std::vector<AntPage> ant_pages(int shard) {
  std::vector<AntPage> pages;
  for (const RawRecord& member : ant_members(shard)) {
    std::string_view content = member.bytes;
    AntPage page{member.name, "", ""};
    const size_t first_line = content.find('\n');
    std::string_view header_line = content.substr(0, first_line);
    while (!header_line.empty() && header_line.front() == ' ') header_line.remove_prefix(1);
    if (header_line.substr(0, 5) == "date ") {
      const size_t url_start = header_line.find(' ', 5);
      if (url_start != std::string_view::npos) page.url = std::string(header_line.substr(url_start + 1));
      content = first_line == std::string_view::npos ? std::string_view{} : content.substr(first_line + 1);
    }
    page.text = std::string(content);
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace corpusflow::testing
