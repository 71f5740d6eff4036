// `corpusflow stats`: print a run's stats as tables, or merge the stats of several runs.
//   corpusflow stats OUT                     summary of OUT/stats.json on stdout
//   corpusflow stats --merge A B ... -o C    C/stats.json and C/report.html from the parts' stats
// Options: --json (print stats.json instead of tables), --rows N (table rows, default 20, 0 = all),
// --no-report (with --merge: skip report.html). A missing or invalid stats.json prints one line on
// stderr and exits with code 2 (CLI::RuntimeError(2)).
#pragma once

namespace CLI {
class App;
}

namespace corpusflow {

void register_stats_command(CLI::App& app);

}  // namespace corpusflow
