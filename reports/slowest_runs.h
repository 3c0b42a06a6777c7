#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "runner/model/result.h"

namespace settle {

// One case-run among the slowest of a run (--slowest N).
struct SlowRun {
  std::string id;
  std::string engine;
  double duration_ms = 0;
};

// The N slowest case-runs of a run, kept as they come in a heap of N: memory does not grow with
// the run. Skipped cases did not run and are not counted.
class SlowestRuns {
 public:
  explicit SlowestRuns(std::size_t limit) : limit_(limit) {}

  void add(const Result& result);

  // Slowest first; equal durations by id, then engine.
  std::vector<SlowRun> slowest_first() const;

  std::size_t runs_seen() const { return seen_; }
  std::size_t kept() const { return heap_.size(); }

 private:
  std::size_t limit_;
  std::size_t seen_ = 0;
  std::vector<SlowRun> heap_;  // a heap whose front is the fastest kept, the next to go
};

}  // namespace settle
