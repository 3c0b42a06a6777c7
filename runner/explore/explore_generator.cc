#include "runner/explore/explore_generator.h"

#include <algorithm>
#include <vector>

namespace settle {

std::uint64_t ExplorePrng::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int ExplorePrng::below(int bound) {
  const std::uint64_t top = next() >> 32;
  return static_cast<int>((top * static_cast<std::uint64_t>(bound)) >> 32);
}

namespace {

// Weighted choice of the next step's kind among those the features allow.
StepKind pick_kind(ExplorePrng& prng, bool first, const std::set<std::string>& features) {
  struct Weighted {
    StepKind kind;
    int weight;
  };
  static const std::vector<Weighted> table = {
      {StepKind::kResolved, 2}, {StepKind::kRejected, 1},   {StepKind::kConstruct, 3},
      {StepKind::kChain, 8},    {StepKind::kCombinator, 2}, {StepKind::kAwait, 4},
      {StepKind::kSubclass, 2}, {StepKind::kForAwait, 1},   {StepKind::kTimer, 1},
      {StepKind::kTry, 2},      {StepKind::kResolvers, 2},  {StepKind::kFinallyCall, 3},
  };
  std::vector<Weighted> allowed;
  int total = 0;
  for (const Weighted& entry : table) {
    const char* needs = kind_feature(entry.kind);
    if (needs && !features.count(needs)) continue;
    if (first && entry.kind != StepKind::kResolved && entry.kind != StepKind::kRejected &&
        entry.kind != StepKind::kConstruct && entry.kind != StepKind::kAwait &&
        entry.kind != StepKind::kTry && entry.kind != StepKind::kResolvers)
      continue;
    allowed.push_back(entry);
    total += entry.weight;
  }
  int roll = prng.below(total);
  for (const Weighted& entry : allowed) {
    if (roll < entry.weight) return entry.kind;
    roll -= entry.weight;
  }
  return StepKind::kResolved;
}

// A ruler (four logged ticks) in every program, before the last step, which stays the case's
// subject. The log keeps only the order of entries, so a settlement two ticks early shows only
// beside something that ticks: bluebird's early `finally` needs a finally on a settled promise, a
// then on its result, and a ruler on a settled promise (7 programs in 1,000 have all three; with
// no rulers, a program needs two more chained steps of the right kinds). The ruler comes from a
// stream of its own, so that every program keeps the steps it had before rulers existed.
void add_ruler(ExplorePrng prng, const std::vector<int>& promises, Program& program) {
  // Before the ruler goes in, each step's id is its index, and the first step always defines
  // a promise: `earlier`, the promises before the ruler, is never empty.
  const int at = 1 + prng.below(static_cast<int>(program.steps.size()) - 1);
  const std::vector<int> earlier(promises.begin(),
                                 std::lower_bound(promises.begin(), promises.end(), at));
  const int longest = arg_ranges(StepKind::kRuler)[1] - 1;
  // Half the rulers start from a promise of their own (-1 renders as Promise.resolve(-1)): they
  // count ticks from the end of the synchronous code, whatever the earlier steps do.
  const int from = prng.below(2) == 0 ? -1 : earlier[prng.below(earlier.size())];
  const int id = static_cast<int>(program.steps.size());
  program.steps.insert(program.steps.begin() + at, Step{StepKind::kRuler, id, {from, longest}});
}

// The random stream of one program's steps (or, with another salt, of its ruler).
ExplorePrng program_stream(std::uint64_t seed, std::uint64_t index, std::uint64_t salt) {
  return ExplorePrng(seed * 0x100000001b3ULL ^ (index + 1) * salt);
}

}  // namespace

Program generate_program(std::uint64_t seed, std::uint64_t index,
                         const std::set<std::string>& features) {
  ExplorePrng prng = program_stream(seed, index, 0x9e3779b97f4a7c15ULL);
  const bool classes = features.count("class") != 0;
  Program program;
  std::vector<int> promises;  // ids of the steps that define a promise
  const int length = 2 + prng.below(6);
  for (int id = 0; id < length; ++id) {
    Step step;
    step.kind = pick_kind(prng, promises.empty(), features);
    step.id = id;
    for (std::size_t i = 0; i < arg_ranges(step.kind).size(); ++i) {
      const int range = arg_ranges(step.kind)[i];
      if (range == 0) {
        step.args.push_back(promises.empty() ? -1 : promises[prng.below(promises.size())]);
      } else {
        step.args.push_back(prng.below(range));
      }
    }
    // Subclass promises only where the engines have classes.
    if (!classes && step.kind == StepKind::kChain && step.args[2] == 7) step.args[2] = 2;
    if (!classes && step.kind == StepKind::kAwait && step.args[1] == 3) step.args[1] = 1;
    // A constructor with its own species only where the engines have Symbol.species.
    if (!features.count("Symbol.species") && step.kind == StepKind::kFinallyCall &&
        step.args[1] == kFinallySpeciesReceiver)
      step.args[1] = 0;
    if (step.kind != StepKind::kTimer) promises.push_back(id);
    program.steps.push_back(step);
  }
  add_ruler(program_stream(seed, index, 0xd1b54a32d192ed03ULL), promises, program);
  return program;
}

}  // namespace settle
