// Sample data for the normalize tests: udhr texts, ANT pages, and files read whole.
#pragma once

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/files.h"
#include "tests/support/sample_records.h"

namespace corpusflow::testing {

struct UdhrText {
  std::string language;
  std::string title;
  std::string text;
};

inline const std::vector<UdhrText>& udhr() {
  static const std::vector<UdhrText> texts = [] {
    std::vector<UdhrText> result;
    for (const RawRecord& line : sample_records("udhr/udhr.jsonl.zst", InputFormat::jsonl)) {
      if (line.bytes.empty()) continue;
      const auto json = nlohmann::json::parse(line.bytes);
      result.push_back(
          {json.at("language").get<std::string>(), json.value("title", ""), json.at("text").get<std::string>()});
    }
    return result;
  }();
  return texts;
}

inline const UdhrText& udhr_language(const std::string& language) {
  for (const UdhrText& text : udhr()) {
    if (text.language == language) return text;
  }
  throw std::runtime_error("no udhr text for " + language);
}

inline std::vector<std::string> ant_pages(int shard) {
  std::vector<std::string> pages;
  for (RawRecord& member : ant_members(shard)) pages.push_back(std::move(member.bytes));
  return pages;
}

}  // namespace corpusflow::testing
