// Helpers for CLI integration tests: run the corpusflow binary, read its outputs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace corpusflow::testing {

inline const std::string kSample = CORPUSFLOW_SAMPLE_DIR;

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `corpusflow ARGS` (arguments are shell-quoted) with stdout and stderr captured. A `run` that chooses no
// filter gets --no-filters --no-boilerplate: these tests hold a few short made-up documents, which the quality
// rules would remove, to check other contracts; tests/filter and filter_cli_test check the filters' defaults.
CommandResult run_corpusflow(const std::vector<std::string>& arguments);
// The same with the arguments exactly as given.
CommandResult run_corpusflow_as_given(const std::vector<std::string>& arguments);

// Runs a shell command; returns its exit status.
int shell(const std::string& command);

// Decoded JSON lines of every *.jsonl.zst file of a folder, in file-name order.
std::vector<std::string> decoded_lines(const std::filesystem::path& folder);

// Every regular file under a folder, relative path -> bytes.
std::vector<std::pair<std::string, std::string>> folder_contents(const std::filesystem::path& folder);

std::string quote(const std::string& text);

}  // namespace corpusflow::testing
