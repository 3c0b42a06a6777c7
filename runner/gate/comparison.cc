#include "runner/gate/comparison.h"

#include <algorithm>
#include <map>

namespace settle {

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
    const Result* first = row.cells.front();
    row.disagree = std::any_of(row.cells.begin(), row.cells.end(), [&](const Result* cell) {
      return !cell || !first || cell->status != first->status;
    });
    comparison.disagreements += row.disagree;
    comparison.rows.push_back(std::move(row));
  }
  std::stable_partition(comparison.rows.begin(), comparison.rows.end(),
                        [](const ComparisonRow& row) { return row.disagree; });
  return comparison;
}

}  // namespace settle
