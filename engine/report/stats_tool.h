// What `corpusflow stats` does, without the CLI: print a run's summary, or merge the stats of several
// runs into one directory. engine/cli/stats_command.cpp maps command-line options onto it.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace corpusflow {

struct StatsToolOptions {
  std::vector<std::string> inputs;  // run output directories (or stats.json files)
  bool merge = false;               // merge inputs into `output` instead of printing one summary
  std::string output;               // with merge: directory that receives stats.json and report.html
  bool report = true;               // with merge: also write report.html
  bool json = false;                // print the (merged) stats.json instead of the summary
  size_t rows = 20;                 // rows of the language, script, month and shard tables; 0 = all
};

// Returns the exit code: 0 on success, 2 when an input is missing or is not a stats.json, or the
// options do not fit (no input, several inputs without merge, merge without output); the reason is
// one line on `err`. A failed write throws std::runtime_error.
int run_stats_tool(const StatsToolOptions& options, std::ostream& out, std::ostream& err);

}  // namespace corpusflow
