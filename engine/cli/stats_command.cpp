#include "engine/cli/stats_command.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "engine/report/stats_tool.h"

namespace corpusflow {

void register_stats_command(CLI::App& app) {
  auto options = std::make_shared<StatsToolOptions>();
  auto no_report_flag = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("stats", "Print a run's stats as tables, or merge the stats of several runs");
  command->add_option("inputs", options->inputs, "Run output directories (or stats.json files)")->required();
  command->add_flag("--merge", options->merge, "Merge the inputs' stats into -o DIR (stats.json and report.html)");
  command->add_option("-o,--output", options->output, "Directory for the merged stats (with --merge)");
  command->add_flag("--json", options->json, "Print stats.json instead of tables");
  command->add_option("--rows", options->rows, "Rows of the language, script, month and shard tables (0 = all)")
      ->capture_default_str();
  command->add_flag("--no-report", *no_report_flag, "With --merge: do not write report.html");
  command->callback([options, no_report_flag] {
    options->report = !*no_report_flag;
    int code = run_stats_tool(*options, std::cout, std::cerr);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace corpusflow
