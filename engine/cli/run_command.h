// `corpusflow run`: options, output folder checks, the pipeline, then stats.json, report.html and manifest.json.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace corpusflow {

// Exit codes of every command: 0 done, 1 the run failed, 2 refused usage, 3 the accounting identity broke.
enum ExitCode : int { kExitOk = 0, kExitFailed = 1, kExitUsage = 2, kExitAccounting = 3 };

// command_line: the whole invocation, recorded in manifest.json.
void register_run_command(CLI::App& app, const std::string& command_line);

}  // namespace corpusflow
