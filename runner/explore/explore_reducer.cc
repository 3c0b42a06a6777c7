#include "runner/explore/explore_reducer.h"

#include <algorithm>
#include <cstddef>

namespace settle {
namespace {

// The first candidate that still fails, if any.
bool take_first_failing(const std::vector<Program>& candidates, const StillFails& still_fails,
                        Program& program) {
  if (candidates.empty()) return false;
  const std::vector<bool> fails = still_fails(candidates);
  for (std::size_t i = 0; i < candidates.size() && i < fails.size(); ++i) {
    if (fails[i]) {
      program = candidates[i];
      return true;
    }
  }
  return false;
}

Program without(const Program& program, std::size_t from, std::size_t count) {
  Program smaller;
  for (std::size_t i = 0; i < program.steps.size(); ++i)
    if (i < from || i >= from + count) smaller.steps.push_back(program.steps[i]);
  return smaller;
}

void remove_steps(Program& program, const StillFails& still_fails) {
  std::size_t chunk = std::max<std::size_t>(1, program.steps.size() / 2);
  while (!program.steps.empty()) {
    std::vector<Program> candidates;
    for (std::size_t from = 0; from < program.steps.size(); from += chunk)
      candidates.push_back(without(program, from, chunk));
    if (take_first_failing(candidates, still_fails, program)) {
      chunk = std::min(chunk, std::max<std::size_t>(1, program.steps.size() / 2));
      continue;
    }
    if (chunk == 1) break;
    chunk /= 2;
  }
}

// Each simpler variant of one argument: 0, one less, and for a reference each earlier step's id
// and the missing step (-1, rendered as a resolved promise).
std::vector<Program> simpler_arguments(const Program& program) {
  std::vector<Program> candidates;
  for (std::size_t s = 0; s < program.steps.size(); ++s) {
    const Step& step = program.steps[s];
    for (std::size_t a = 0; a < step.args.size(); ++a) {
      std::vector<int> choices;
      const int current = step.args[a];
      if (is_reference(step.kind, a)) {
        if (current != -1) choices.push_back(-1);
      } else {
        if (current > 0) choices.push_back(0);
        if (current > 1) choices.push_back(current - 1);
      }
      for (int choice : choices) {
        Program candidate = program;
        candidate.steps[s].args[a] = choice;
        candidates.push_back(std::move(candidate));
      }
    }
  }
  return candidates;
}

}  // namespace

Program reduce_program(Program program, const StillFails& still_fails) {
  for (;;) {
    remove_steps(program, still_fails);
    if (!take_first_failing(simpler_arguments(program), still_fails, program)) return program;
  }
}

bool needs_part(const Program& program, const std::string& part, const StillFails& still_fails) {
  const Program rest = without_part(program, part);
  if (rest.steps.size() == program.steps.size()) return false;
  const std::vector<bool> fails = still_fails({rest});
  return fails.empty() || !fails[0];
}

}  // namespace settle
