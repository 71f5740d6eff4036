#include "engine/cli/program.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "engine/cli/cat_command.h"
#include "engine/cli/gen_command.h"
#include "engine/cli/run_command.h"
#include "engine/cli/stats_command.h"
#include "engine/cli/usage_error.h"
#include "engine/cli/version.h"

namespace corpusflow {
namespace {

int run_commands(int argc, char** argv) {
  std::string command_line = "corpusflow";
  for (int i = 1; i < argc; ++i) command_line += std::string(" ") + argv[i];

  // Named here, or CLI11 would take argv[0], the path the program was started by, for its usage lines.
  CLI::App app{"corpusflow: turns raw scraped pages into a clean, deduplicated, measured corpus", "corpusflow"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  register_run_command(app, command_line);
  register_stats_command(app);
  register_cat_command(app);
  register_gen_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& error) {
    return error.get_exit_code();
  } catch (const CLI::Success& help_or_version) {
    return app.exit(help_or_version);
  } catch (const CLI::ParseError& error) {
    std::fprintf(stderr, "%s\n", usage_error_line(app, error).c_str());
    return kExitUsage;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corpusflow: failed: %s\n", error.what());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

int run_program(int argc, char** argv) {
  // What escapes the commands' own handling (a failure while setting up the options) still becomes exit 1.
  try {
    return run_commands(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "corpusflow: failed: %s\n", error.what());
  } catch (...) {
    std::fprintf(stderr, "corpusflow: failed\n");
  }
  return kExitFailed;
}

}  // namespace corpusflow
