#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace settle::cli {

// What is wrong with a command line that CLI11 refused, in words a user can act on: an unknown
// command or option with the nearest right one ("did you mean"), or the command that has the
// option; an unexpected or missing argument with what the command takes; then where the usage
// is. One or more lines, each ending in a newline, for stderr. `app` is settle's app after the
// failed parse (it knows which command was being parsed and what was left over).
std::string usage_error_text(const CLI::App& app, const CLI::ParseError& error);

}  // namespace settle::cli
