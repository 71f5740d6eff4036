// Whole-file reads and writes for tests and benchmarks: a file that cannot be read or written throws, naming it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace corpusflow::testing {

std::string read_file(const std::filesystem::path& path);

// Creates the parent folders first; replaces what was there.
void write_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace corpusflow::testing
