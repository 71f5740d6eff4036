// Writing a whole small file (stats.json, report.html, manifest.json) as PATH.tmp, synced to disk and renamed
// when complete; and making renames in a folder durable.
#pragma once

#include <filesystem>
#include <string_view>

namespace corpusflow {

// Throws std::system_error naming the path when the write, sync or rename fails. The file's bytes reach the
// disk before the rename, and the rename before it returns: after a crash, PATH is old or whole, never empty.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// fsync of a folder, so that files created or renamed in it survive a crash. Throws std::system_error naming
// the folder; file systems that cannot sync a folder (EINVAL) are taken as having nothing to do.
void sync_directory(const std::filesystem::path& dir);

}  // namespace corpusflow
