// The html-articles pages for the HTML benchmarks: every html/<sha256>.html.gz of a folder, decompressed, in
// name order. Throws naming the file when one cannot be read.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace corpusflow::bench {

struct HtmlPage {
  std::string sha256;
  std::string html;
};

inline std::string gunzip_file(const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw std::runtime_error("cannot open " + path.string());
  std::string out;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(got));
  const bool failed = got < 0;
  gzclose(file);
  if (failed) throw std::runtime_error("cannot decompress " + path.string());
  return out;
}

inline std::vector<HtmlPage> load_html_pages(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder / "html")) {
    if (entry.path().string().ends_with(".html.gz")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<HtmlPage> pages;
  for (const auto& file : files) {
    std::string name = file.filename().string();
    name.resize(name.size() - std::string(".html.gz").size());
    pages.push_back({name, gunzip_file(file)});
  }
  return pages;
}

}  // namespace corpusflow::bench
