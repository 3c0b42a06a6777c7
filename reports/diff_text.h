#pragma once

#include <string>
#include <utility>

#include "runner/gate/baseline_diff.h"

namespace settle {

// A baseline diff for the console (`settle diff`, `run --baseline`): counts per engine, then
// each regression, fix, added, removed and changed case on its own line.
std::string diff_text(const BaselineDiff& diff, const std::string& before_name,
                      const std::string& after_name);

// "1 regression, 2 fixes, 0 added, 0 removed, 1 changed"
std::string diff_counts(const BaselineDiff& diff);

// The first line in which two messages differ, from each (the first lines when none differs):
// what a changed failure shows.
std::pair<std::string, std::string> first_differing_lines(const std::string& before,
                                                          const std::string& after);

}  // namespace settle
