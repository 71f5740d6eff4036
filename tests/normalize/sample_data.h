// Sample data for the normalize tests, read without io/: udhr lines and ANT tar members, decompressed with
// the zstd command line and split here.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace corpusflow::testing {

inline std::string sample_path(const std::string& relative) {
  return std::string(CORPUSFLOW_SAMPLE_DIR) + "/" + relative;
}

inline std::string run_command(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[1 << 16];
  size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  if (pclose(pipe) != 0) throw std::runtime_error("command failed: " + command);
  return out;
}

inline std::string read_file(const std::string& path) { return run_command("cat '" + path + "'"); }

struct UdhrText {
  std::string language;
  std::string title;
  std::string text;
};

inline const std::vector<UdhrText>& udhr() {
  static const std::vector<UdhrText> texts = [] {
    std::vector<UdhrText> result;
    const std::string all = run_command("zstd -dc '" + sample_path("udhr/udhr.jsonl.zst") + "'");
    size_t begin = 0;
    while (begin < all.size()) {
      size_t end = all.find('\n', begin);
      if (end == std::string::npos) end = all.size();
      if (end > begin) {
        const auto json = nlohmann::json::parse(all.begin() + static_cast<long>(begin),
                                                all.begin() + static_cast<long>(end));
        result.push_back({json.at("language").get<std::string>(), json.value("title", ""),
                          json.at("text").get<std::string>()});
      }
      begin = end + 1;
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

// Regular members of an uncompressed ustar archive, in order.
inline std::vector<std::string> tar_members(const std::string& archive) {
  std::vector<std::string> members;
  size_t offset = 0;
  while (offset + 512 <= archive.size()) {
    const char* header = archive.data() + offset;
    if (header[0] == '\0') break;
    const size_t size = std::stoul(std::string(header + 124, 12), nullptr, 8);
    const char type = header[156];
    offset += 512;
    if (offset + size > archive.size()) throw std::runtime_error("truncated tar member");
    if (type == '0' || type == '\0') members.emplace_back(archive, offset, size);
    offset += (size + 511) / 512 * 512;
  }
  return members;
}

inline std::vector<std::string> ant_pages(int shard) {
  char name[64];
  std::snprintf(name, sizeof name, "ant/ant-%05d.tar.zst", shard);
  return tar_members(run_command("zstd -dc '" + sample_path(name) + "'"));
}

}  // namespace corpusflow::testing
