#include "cli/cli_harness.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace corpusflow::testing {

std::string quote(const std::string& text) {
  std::string quoted(1, '\'');
  for (char c : text) {
    if (c == '\'')
      quoted.append("'\\''");
    else
      quoted.push_back(c);
  }
  quoted.push_back('\'');
  return quoted;
}

int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

CommandResult run_corpusflow(const std::vector<std::string>& arguments) {
  const bool chooses = std::any_of(arguments.begin(), arguments.end(), [](const std::string& argument) {
    return argument.starts_with("--filter") || argument == "--no-filters" || argument == "--no-boilerplate";
  });
  if (arguments.empty() || arguments[0] != "run" || chooses) return run_corpusflow_as_given(arguments);
  std::vector<std::string> unfiltered = arguments;
  unfiltered.insert(unfiltered.begin() + 1, {"--no-filters", "--no-boilerplate"});
  return run_corpusflow_as_given(unfiltered);
}

CommandResult run_corpusflow_as_given(const std::vector<std::string>& arguments) {
  TempDir capture;
  std::string command = quote(CORPUSFLOW_BINARY);
  for (const std::string& argument : arguments) command.append(" ").append(quote(argument));
  command.append(" >").append(quote((capture / "out").string()));
  command.append(" 2>").append(quote((capture / "err").string())).append(" </dev/null");
  CommandResult result;
  result.exit_code = shell(command);
  result.out = read_file(capture / "out");
  result.err = read_file(capture / "err");
  return result;
}

std::vector<std::string> decoded_lines(const std::filesystem::path& folder) {
  std::vector<std::string> files;
  if (!std::filesystem::exists(folder)) return {};
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().string().ends_with(".jsonl.zst")) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const std::string& file : files) {
    TempDir scratch;
    const auto decoded = scratch / "decoded";
    if (shell("zstd -q -dc " + quote(file) + " > " + quote(decoded.string())) != 0) {
      throw std::runtime_error("zstd -dc failed on " + file);
    }
    std::ifstream input(decoded);
    for (std::string line; std::getline(input, line);) lines.push_back(line);
  }
  return lines;
}

std::vector<std::pair<std::string, std::string>> folder_contents(const std::filesystem::path& folder) {
  std::vector<std::pair<std::string, std::string>> contents;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    contents.emplace_back(entry.path().lexically_relative(folder).string(), read_file(entry.path()));
  }
  std::sort(contents.begin(), contents.end());
  return contents;
}

}  // namespace corpusflow::testing
