// The output folder of a run: refuse to clobber a finished run, clear what an unfinished one left.
#pragma once

#include <filesystem>

namespace corpusflow {

// Throws std::invalid_argument (a usage error) when OUT holds a finished run and overwrite is false,
// or when OUT is not a folder. Removes only the files and folders a run writes; anything else stays.
void prepare_output_folder(const std::filesystem::path& out, bool overwrite);

}  // namespace corpusflow
