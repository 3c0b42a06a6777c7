#pragma once

#include <iosfwd>
#include <memory>

#include "engines/profile.h"
#include "runner/model/engine.h"

namespace settle {

// settle runs its embedded Duktape in worker processes of its own. Duktape checks a case's
// deadline only between bytecode instructions (every 256 Ki of them), never inside a native call:
// one `join`, `sort`, regexp or `JSON.parse` can hold a thread for minutes, and a thread cannot be
// stopped from outside. A process can. So `settle __duktape-worker` runs cases with
// DuktapeEngine and speaks the line protocol of engines/process/protocol.h on stdin and stdout,
// and the process adapter (engines/process/process_engine.h) drives it like any engine shell: it
// kills a worker that overruns a case's timeout and starts a new one for the next case.
//
// The worker still ends a case at its timeout itself whenever Duktape's check gets the chance,
// which keeps what the case logged; the parent waits kSelfTimeoutGrace longer before it kills.

// The argument that makes settle a Duktape worker.
inline constexpr const char* kDuktapeWorkerArgument = "__duktape-worker";

// The worker's request loop, until `in` ends. Returns the process's exit status.
int run_duktape_worker(std::istream& in, std::ostream& out);

// The factory for a duktape-adapter profile: worker processes of this very executable. Throws
// PreludeError when a prelude does not compile, std::runtime_error when no worker starts.
std::unique_ptr<EngineFactory> make_duktape_worker_factory(const EngineProfile& profile,
                                                           const EngineOptions& options);

}  // namespace settle
