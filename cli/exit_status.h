#pragma once

namespace settle::cli {

// settle's exit statuses (docs/design.md, CLI; the README's "Exit status"), named in one place as
// ninja names its own.
constexpr int kExitOk = 0;                // every case as expected
constexpr int kExitFailures = 1;          // a failure or regression the gate does not accept
constexpr int kExitBadInput = 2;          // bad usage, or input that does not load
constexpr int kExitNoEngine = 3;          // settle itself could not run: no usable engine
constexpr int kExitReportNotWritten = 4;  // a report could not be written at the end

// A run that a signal stopped: 130 for SIGINT, 143 for SIGTERM.
constexpr int exit_interrupted(int signal) { return 128 + signal; }

}  // namespace settle::cli
