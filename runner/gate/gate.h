#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runner/gate/baseline_diff.h"
#include "runner/gate/expectations.h"
#include "runner/model/result.h"

namespace settle {

// A result, or an expectations entry, that the gate reports.
struct GateEntry {
  std::string id;
  std::string engine;
  std::string detail;  // e.g. "fail (not in the expectations)", "listed as fail: reason"
};

// What decides a run's exit status beyond the counts: known failures (--expectations) and
// regressions against an earlier report (--baseline).
struct GateOutcome {
  bool expectations_used = false;
  bool strict_expectations = false;
  std::vector<GateEntry> unexpected_failures;  // always fail the gate
  std::vector<GateEntry> unexpected_passes;    // stale entries: fail it with strict_expectations
  std::vector<GateEntry> missing_cases;        // entries for ids that no longer exist: likewise
  std::size_t known_failures = 0;              // failures the expectations list
  std::size_t excused_by_baseline = 0;         // failures that were already failing in it
  std::optional<BaselineDiff> baseline;

  bool passed() const {
    return unexpected_failures.empty() &&
           (!strict_expectations || (unexpected_passes.empty() && missing_cases.empty()));
  }
};

struct GateInputs {
  const Expectations* expectations = nullptr;  // --expectations
  bool strict_expectations = false;
  // --baseline's results, kept to the cases this run could have run (see baseline_scope).
  const std::vector<ResultFact>* baseline = nullptr;
  // The corpus's case ids, before filters and shards: those the expectations name are enough.
  std::set<std::string> existing_ids;
  std::vector<std::string> engines;  // the engines that ran
};

// The gate's verdict on a run's results (after mark_known_failure). A failure (fail, timeout,
// error) fails the gate unless the expectations list it with that status, or a baseline is given
// and the case was not passing in it. With a baseline, a case that passed in it and is now
// skipped is a regression and fails the gate too.
GateOutcome evaluate_gate(const std::vector<ResultFact>& results, const GateInputs& inputs);

}  // namespace settle
