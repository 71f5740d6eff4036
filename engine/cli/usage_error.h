// The stderr line for a refused command line; an unknown command or option is named with the nearest known one.
#pragma once

#include <string>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace corpusflow {

// After app.parse threw error: "corpusflow: unknown command 'rnu'; did you mean 'run'?",
// "corpusflow run: unknown option '--thread'; did you mean '--threads'?", or "corpusflow: <error> (see --help)".
std::string usage_error_line(CLI::App& app, const CLI::ParseError& error);

}  // namespace corpusflow
