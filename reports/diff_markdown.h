#pragma once

#include <string>

#include "runner/gate/baseline_diff.h"

namespace settle {

// A baseline diff as a Markdown section for a pull-request comment: counts per engine, the
// regressions and changed failures in tables, the fixes, added and removed cases folded.
std::string diff_markdown(const BaselineDiff& diff, const std::string& before_name,
                          const std::string& after_name);

}  // namespace settle
