// Listing inputs: turns the command line's files, directories and glob patterns into the sorted list of shards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/input_format.h"

namespace corpusflow {

struct InputFile {
  std::string path;                          // lexically normalized, as given (relative stays relative)
  uint64_t size = 0;                         // bytes on disk at listing time (0 for pipes and devices)
  InputFormat format = InputFormat::text;    // detected from the name unless forced
};

// Expands files, directories (walked recursively, regular files only, hidden files and directories skipped)
// and glob patterns (glob(3)); the result is sorted by path with duplicates removed. A file named explicitly
// is taken even when hidden. `forced` != auto_detect overrides detection.
// Throws std::runtime_error("no such input: X") for an argument that matches nothing (an empty directory too).
std::vector<InputFile> list_inputs(const std::vector<std::string>& arguments, InputFormat forced);

}  // namespace corpusflow
