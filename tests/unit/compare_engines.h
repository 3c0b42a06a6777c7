#pragma once

// The case x engine matrix of results in memory, as the reports build it from the results they
// read back (reports/case_rows.h): what the tests compare those rows with.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "runner/gate/comparison.h"

namespace settle {

// `results` must outlive the comparison.
inline Comparison compare_engines(const std::vector<std::string>& engines,
                                  const std::vector<Result>& results) {
  Comparison comparison;
  comparison.engines = engines;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < engines.size(); ++i) column[engines[i]] = i;

  std::map<std::string, ComparisonRow> rows;  // by id
  for (const Result& result : results) {
    auto found = column.find(result.engine);
    if (found == column.end()) continue;
    ComparisonRow& row = rows[result.test->id];
    if (!row.test) {
      row.test = result.test;
      row.cells.assign(engines.size(), nullptr);
    }
    row.cells[found->second] = &result;
  }
  for (auto& [id, row] : rows) {
    judge_row(row);
    comparison.disagreements += row.disagree;
    comparison.skipped += row.skipped > 0;
    comparison.rows.push_back(std::move(row));
  }
  std::stable_partition(comparison.rows.begin(), comparison.rows.end(),
                        [](const ComparisonRow& row) { return row.disagree; });
  return comparison;
}

}  // namespace settle
