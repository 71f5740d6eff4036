#include "io/input_listing.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace corpusflow {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

void add_file(const fs::path& path, std::vector<InputFile>& out) {
  std::error_code error;
  uint64_t size = 0;
  if (fs::is_regular_file(path, error)) {
    size = fs::file_size(path, error);
    if (error) size = 0;
  }
  out.push_back({path.lexically_normal().generic_string(), size, InputFormat::text});
}

void walk_directory(const fs::path& directory, std::vector<InputFile>& out) {
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(directory, options); it != fs::recursive_directory_iterator();
       ++it) {
    if (hidden(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) add_file(it->path(), out);
  }
}

// Adds what one existing path stands for; returns how many files it added.
size_t expand_existing(const fs::path& path, std::vector<InputFile>& out) {
  const size_t before = out.size();
  if (fs::is_directory(path)) {
    walk_directory(path, out);
  } else {
    add_file(path, out);
  }
  return out.size() - before;
}

std::vector<std::string> glob_matches(const std::string& pattern) {
  std::vector<std::string> matches;
  glob_t result{};
  if (glob(pattern.c_str(), 0, nullptr, &result) == 0) {
    for (size_t i = 0; i < result.gl_pathc; ++i) matches.emplace_back(result.gl_pathv[i]);
  }
  globfree(&result);
  return matches;
}

}  // namespace

std::vector<InputFile> list_inputs(const std::vector<std::string>& arguments, InputFormat forced) {
  std::vector<InputFile> files;
  for (const std::string& argument : arguments) {
    std::error_code error;
    size_t added = 0;
    if (!argument.empty() && fs::exists(argument, error)) {
      added = expand_existing(argument, files);
    } else {
      for (const std::string& match : glob_matches(argument)) added += expand_existing(match, files);
    }
    if (added == 0) throw std::runtime_error("no such input: " + argument);
  }
  std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
              files.end());
  for (InputFile& file : files) {
    file.format = forced == InputFormat::auto_detect ? detect_format(file.path) : forced;
  }
  return files;
}

}  // namespace corpusflow
