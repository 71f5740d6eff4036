#include "engine/cli/cat_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "engine/cli/run_command.h"
#include "io/input_stream.h"

namespace corpusflow {

void register_cat_command(CLI::App& app) {
  auto shards = std::make_shared<std::vector<std::string>>();
  CLI::App* cat = app.add_subcommand("cat", "Decode shards (any of corpusflow's outputs) to JSON lines on stdout");
  cat->add_option("shards", *shards, "Shard files")->required()->check(CLI::ExistingFile);
  cat->callback([shards] {
    for (const std::string& shard : *shards) {
      try {
        decompress_file_to(shard, stdout);
      } catch (const std::exception& error) {
        std::fflush(stdout);
        std::fprintf(stderr, "corpusflow cat: %s\n", error.what());
        throw CLI::RuntimeError(kExitFailed);
      }
    }
    if (std::fflush(stdout) != 0) throw CLI::RuntimeError(kExitFailed);
  });
}

}  // namespace corpusflow
