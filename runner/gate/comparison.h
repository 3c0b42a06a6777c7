#pragma once

#include <string>
#include <vector>

#include "runner/model/result.h"

namespace settle {

// One case across the engines of a run.
struct ComparisonRow {
  const Case* test = nullptr;
  std::vector<const Result*> cells;  // one per engine, in Comparison::engines order; may be null
  bool disagree = false;             // the engines' statuses differ (or one has no result)
};

// The case × engine matrix of a run on several engines (--engine ... --engine ...).
struct Comparison {
  std::vector<std::string> engines;
  std::vector<ComparisonRow> rows;  // the disagreements first, then the rest; each by id
  std::size_t disagreements = 0;
};

// `results` must outlive the comparison.
Comparison compare_engines(const std::vector<std::string>& engines,
                           const std::vector<Result>& results);

}  // namespace settle
