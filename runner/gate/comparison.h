#pragma once

#include <string>
#include <vector>

#include "runner/model/result.h"

namespace settle {

// One case across the engines of a run.
struct ComparisonRow {
  const Case* test = nullptr;
  std::vector<const Result*> cells;  // one per engine, in Comparison::engines order; may be null
  // The statuses of the engines that ran the case differ. An engine that skipped it (or has no
  // result for it) did not run it: a skip is not a disagreement.
  bool disagree = false;
  std::size_t skipped = 0;  // the engines that skipped the case
};

// Sets `row.disagree` and `row.skipped` from its cells.
void judge_row(ComparisonRow& row);

// The case × engine matrix of a run on several engines (--engine ... --engine ...).
struct Comparison {
  std::vector<std::string> engines;
  std::vector<ComparisonRow> rows;  // the disagreements first, then the rest; each by id
  std::size_t disagreements = 0;
  std::size_t skipped = 0;  // the cases that at least one engine skipped
};

}  // namespace settle
