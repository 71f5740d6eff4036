#include "engine/cli/usage_error.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <vector>

#include "engine/cli/suggest.h"

namespace corpusflow {
namespace {

void add_option_names(const CLI::App& app, std::vector<std::string>& names) {
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
}

std::string with_suggestion(const std::string& message, const std::optional<std::string>& suggestion) {
  return suggestion ? message + "; did you mean '" + *suggestion + "'?" : message + " (see --help)";
}

bool looks_like_option(const std::string& argument) {
  return argument.size() > 1 && argument[0] == '-' && argument != "--";
}

}  // namespace

std::string usage_error_line(CLI::App& app, const CLI::ParseError& error) {
  const std::vector<CLI::App*> selected = app.get_subcommands();
  CLI::App* command = selected.empty() ? nullptr : selected.front();
  // What CLI11 could not match, here and in the command; an unknown name may also be why a required one is missing.
  const std::vector<std::string> unmatched = app.remaining(true);
  if (command == nullptr && !unmatched.empty() && !looks_like_option(unmatched.front())) {
    std::vector<std::string> commands;
    for (const CLI::App* known : app.get_subcommands([](CLI::App*) { return true; })) {
      commands.push_back(known->get_name());
    }
    return with_suggestion("corpusflow: unknown command '" + unmatched.front() + "'",
                           nearest_name(unmatched.front(), commands));
  }
  for (const std::string& argument : unmatched) {
    if (!looks_like_option(argument)) continue;
    const std::string name = argument.substr(0, argument.find('='));
    std::vector<std::string> options;
    if (command != nullptr) add_option_names(*command, options);
    add_option_names(app, options);
    const std::string prefix = command != nullptr ? "corpusflow " + command->get_name() + ": " : "corpusflow: ";
    std::string message = prefix;
    message.append("unknown option '").append(name).append("'");
    return with_suggestion(message, nearest_name(name, options));
  }
  return "corpusflow: " + std::string(error.what()) + " (see --help)";
}

}  // namespace corpusflow
