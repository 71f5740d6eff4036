// `corpusflow gen -o DIR --docs N ...`: writes a synthetic corpus with known duplicates, bad records,
// boilerplate and low-quality pages (engine/gen), for tests and benchmarks.
#pragma once

namespace CLI {
class App;
}

namespace corpusflow {

void register_gen_command(CLI::App& app);

}  // namespace corpusflow
