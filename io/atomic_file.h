// Writing a whole small file (stats.json, report.html, manifest.json) as PATH.tmp, renamed when complete.
#pragma once

#include <filesystem>
#include <string_view>

namespace corpusflow {

// Throws std::system_error naming the path when the write, flush or rename fails.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace corpusflow
