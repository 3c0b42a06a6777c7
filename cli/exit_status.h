#pragma once

namespace settle::cli {

// settle's exit statuses, the one list of them (docs/design.md, CLI), as ninja names its own. Every
// command returns one; an error that ends a command carries one (cli/cli_error.h).
enum class ExitStatus : int {
  kOk = 0,                // every case as expected
  kFailures = 1,          // a failure or regression the gate does not accept
  kBadInput = 2,          // bad usage, or input that does not load
  kRunnerFailed = 3,      // settle itself could not run: no usable engine, its own files unreadable
  kReportNotWritten = 4,  // a report could not be written at the end
};

constexpr int exit_code(ExitStatus status) { return static_cast<int>(status); }

// A run that a signal stopped: 130 for SIGINT, 143 for SIGTERM.
constexpr ExitStatus exit_interrupted(int signal) { return static_cast<ExitStatus>(128 + signal); }

}  // namespace settle::cli
