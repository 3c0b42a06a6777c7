#pragma once

#include <cstddef>
#include <string>

#include "runner/gate/summary.h"

namespace settle {

// Text that several reports share, written once.

// The one line that ends the console and heads the Markdown and HTML reports, for CI logs to grep:
// `settle: 412 passed, 9 failed, 31 skipped, 0 timed out, 0 errors, 9 known failures in 4.37 s`.
std::string final_line(const Summary& summary);

// "1 regression", "2 regressions".
std::string count_of(std::size_t count, const std::string& singular, const std::string& plural);

// An engine's row of the summary table: its counts by status (kAllStatuses order) and total; all
// zero for an engine without results.
const StatusCounts& summary_row(const Summary& summary, const std::string& engine);

}  // namespace settle
