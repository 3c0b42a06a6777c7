#pragma once

#include <functional>
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

}  // namespace settle
