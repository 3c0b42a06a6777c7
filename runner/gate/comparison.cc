#include "runner/gate/comparison.h"

#include <algorithm>
#include <map>

namespace settle {

void judge_row(ComparisonRow& row) {
  const Result* first_run = nullptr;
  row.disagree = false;
  row.skipped = 0;
  for (const Result* cell : row.cells) {
    if (!cell) continue;  // no result: the engine did not run the case
    if (cell->status == Status::kSkip) {
      ++row.skipped;
    } else if (!first_run) {
      first_run = cell;
    } else if (cell->status != first_run->status) {
      row.disagree = true;
    }
  }
}

Comparison compare_engines(const std::vector<std::string>& engines,
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
