#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runner/explore/explore_program.h"

namespace settle {

// Answers, for each candidate, whether it still shows the disagreement being reduced. It gets
// candidates in batches so that a caller can run them on the engines together.
using StillFails = std::function<std::vector<bool>(const std::vector<Program>&)>;

// Delta debugging: removes chunks of steps (halves, then quarters, ... then single steps) while
// the disagreement holds, then lowers each step's arguments towards 0 (the simplest choice) and
// points references at earlier steps. Returns a program that no single removal or lowering
// simplifies further.
Program reduce_program(Program program, const StillFails& still_fails);

// Whether the disagreement of a program needs its steps of shape part `part`: false when the
// program without them still fails. A program reduced while it had to keep such a step (to find a
// deviation behind it) may keep one that only came along.
bool needs_part(const Program& program, const std::string& part, const StillFails& still_fails);

}  // namespace settle
