#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/model/result.h"
#include "runner/model/result_fact.h"

namespace settle {

// One case on one engine whose outcome differs between two runs.
struct OutcomeChange {
  std::string id;
  std::string engine;
  std::optional<Status> before;  // empty: not in the earlier run
  std::optional<Status> after;   // empty: not in the later run
  std::string before_message;
  std::string after_message;
};

// What changed between an earlier run (the baseline) and a later one, per engine, over every case
// in either run. Each list is ordered by id, then engine.
struct BaselineDiff {
  std::vector<OutcomeChange> regressions;  // pass -> anything else
  std::vector<OutcomeChange> fixes;        // anything else -> pass
  std::vector<OutcomeChange> added;        // only in the later run
  std::vector<OutcomeChange> removed;      // only in the earlier run
  std::vector<OutcomeChange> changed;      // not passing in either, with another status or message
  // Engines that only one run has: their cases are not compared.
  std::vector<std::string> engines_only_before;
  std::vector<std::string> engines_only_after;

  bool empty() const {
    return regressions.empty() && fixes.empty() && added.empty() && removed.empty() &&
           changed.empty() && engines_only_before.empty() && engines_only_after.empty();
  }
};

BaselineDiff diff_results(const std::vector<ResultFact>& before,
                          const std::vector<ResultFact>& after);

}  // namespace settle
