// Listing inputs: turns the command line's files, directories and glob patterns into the sorted list of shards,
// and names every entry it leaves out with the reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/input_format.h"

namespace corpusflow {

struct InputFile {
  std::string path;  // lexically normalized, as given (relative stays relative)
  // The file's name within the run, the same whatever the working folder and whatever else is listed: its path
  // relative to the folder argument it was found under, or its file name when it was named (or globbed) itself.
  // Derived document ids are built from it (docs/formats.md, "Ids").
  std::string name;
  uint64_t size = 0;                       // bytes on disk at listing time (0 for pipes and devices)
  int64_t mtime = 0;                       // last modification, seconds since 1970 UTC (0 when unknown)
  InputFormat format = InputFormat::text;  // detected from the name unless forced
};

// An entry found under an input folder (or named) that is not read, and why: "cannot read folder: ...",
// "symlink loop", "broken symlink", "symlink to a folder (not followed)", "not a regular file (FIFO)",
// "the run's output folder".
struct SkippedInput {
  std::string path;
  std::string reason;
};

struct InputListing {
  std::vector<InputFile> files;       // sorted by path, no duplicates (a file listed twice keeps its first name)
  std::vector<SkippedInput> skipped;  // sorted by path
};

// An argument that matches nothing: a usage error of the caller's.
struct NoSuchInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ListingOptions {
  InputFormat forced = InputFormat::auto_detect;  // != auto_detect overrides detection from the name
  std::filesystem::path exclude;                  // a folder left out wherever it appears (the run's OUT); empty: none
  // fnmatch(3) patterns for files found in folders, matched against the path and the file name: an included
  // file is read whatever its name, an excluded one never (exclude wins).
  std::vector<std::string> include_globs;
  std::vector<std::string> exclude_globs;
};

// Expands files, directories (walked recursively without following symlinks; regular data files only, see
// is_data_file_name; hidden files and directories skipped without a word) and glob patterns (glob(3)). A file
// named explicitly is always taken, even when hidden or not a data file, and so is a named pipe or device (read
// as a stream). What cannot be read or is not a file
// goes to `skipped`; the listing never throws for it.
// Throws NoSuchInput("no such input: X") for an argument that matches nothing (an empty directory too).
InputListing list_inputs(const std::vector<std::string>& arguments, const ListingOptions& options = {});

}  // namespace corpusflow
