// ANT sample pages for the dedup tests, read without io/ (written concurrently): `zstd -dc` through popen
// and a minimal ustar walker. Each page is split into its header URL and its body lines.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corpusflow::testing {

struct AntPage {
  std::string name;                 // tar member
  std::string url;                  // from the ` date YYYY-MM-DD URL` header; empty without one
  std::string text;                 // everything after the header
};

inline std::string decompress(const std::string& path) {
  const std::string command = "zstd -dc '" + path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[1 << 16];
  size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  if (pclose(pipe) != 0) throw std::runtime_error("command failed: " + command);
  return out;
}

inline std::vector<AntPage> ant_pages(int shard) {
  const std::string path = std::string(CORPUSFLOW_SAMPLE_DIR) + "/ant/ant-0000" + std::to_string(shard) + ".tar.zst";
  const std::string tar = decompress(path);
  std::vector<AntPage> pages;
  for (size_t offset = 0; offset + 512 <= tar.size();) {
    const char* header = tar.data() + offset;
    if (header[0] == '\0') break;
    const std::string name(header, strnlen(header, 100));
    const uint64_t size = std::stoull(std::string(header + 124, strnlen(header + 124, 12)), nullptr, 8);
    const char type = header[156];
    if (offset + 512 + size > tar.size()) throw std::runtime_error(path + ": truncated member " + name);
    if (type == '0' || type == '\0') {
      std::string_view content(tar.data() + offset + 512, size);
      AntPage page{name, "", ""};
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
    offset += 512 + (size + 511) / 512 * 512;
  }
  return pages;
}

}  // namespace corpusflow::testing
