#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace corpusflow {

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  auto fail = [&](const std::filesystem::path& where) {
    throw std::system_error(errno, std::generic_category(), "cannot write " + where.string());
  };
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) fail(temporary);
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) fail(temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail(path);
}

}  // namespace corpusflow
