#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "cli/exit_status.h"
#include "runner/input/input_error.h"

namespace settle::cli {

// What ends a command early: the exit status it calls for and its text (one or more lines); for
// bad input in a file, that file's InputError with its position. main() says it once and exits
// with its status; no command prints its own error line. An empty text ends the command with the
// status alone: what went wrong was said as it happened (a run's own lines).
class CliError : public std::runtime_error {
 public:
  CliError(ExitStatus status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  CliError(ExitStatus status, const std::exception& error)
      : std::runtime_error(error.what()), status_(status) {}
  CliError(ExitStatus status, const InputError& input)
      : std::runtime_error(input.what()), status_(status), input_(input) {}

  ExitStatus status() const { return status_; }
  const std::optional<InputError>& input() const { return input_; }

 private:
  ExitStatus status_;
  std::optional<InputError> input_;
};

// Writes `text` to stderr, each line after `settle: ` but those indented (a list under the line
// before): the one place where settle's own lines are printed, its errors and what it tells the
// user it is doing. Case files' load errors and reports are not settle's lines: they go as they
// are.
void say(const std::string& text);

}  // namespace settle::cli
