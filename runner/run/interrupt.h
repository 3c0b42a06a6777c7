#pragma once

namespace settle {

// SIGINT and SIGTERM during `settle run`. The first one asks the run to stop: workers take no new
// job, the engines end the case they are running (Duktape through its execution-timeout check,
// the process adapter by killing the engine process), the results finished so far are reported,
// marked incomplete, and settle exits 128 + the signal. A second one ends settle at once.
// Unblocks both signals in the calling thread (threads started after it inherit that).
void install_interrupt_handlers();

// Whether a run was asked to stop; safe from any thread.
bool interrupted();

// The signal that asked it (SIGINT, SIGTERM), or 0.
int interrupt_signal();

// A file descriptor that becomes readable once the run is asked to stop, for poll(); -1 before
// install_interrupt_handlers(). Never read it: it stays readable.
int interrupt_fd();

}  // namespace settle
