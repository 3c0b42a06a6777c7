#include "reports/case_rows.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

namespace settle {

CaseRows::CaseRows(const ResultStore& results, std::vector<std::string> engines)
    : results_(results), engines_(std::move(engines)) {}

void CaseRows::for_each(const std::function<void(const ComparisonRow&)>& visit) const {
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < engines_.size(); ++i) column[engines_[i]] = i;
  std::vector<std::unique_ptr<StoredResult>> slots;  // the row's results, one per engine
  for (std::size_t i = 0; i < engines_.size(); ++i)
    slots.push_back(std::make_unique<StoredResult>());
  ComparisonRow row;
  row.cells.assign(engines_.size(), nullptr);

  auto finish_row = [&] {
    if (!row.test) return;
    judge_row(row);
    visit(row);
    row.test = nullptr;
    row.cells.assign(engines_.size(), nullptr);
  };
  results_.for_each([&](StoredResult& stored) {
    auto found = column.find(stored.result.engine);
    if (found == column.end()) return;
    if (row.test && row.test->id != stored.test.id) finish_row();
    StoredResult& slot = *slots[found->second];
    std::swap(slot.test, stored.test);
    std::swap(slot.result, stored.result);
    slot.result.test = &slot.test;
    stored.result.test = &stored.test;
    if (!row.test) row.test = &slot.test;
    row.cells[found->second] = &slot.result;
  });
  finish_row();
}

CaseRows::Counts CaseRows::counts() const {
  Counts counts;
  for_each([&](const ComparisonRow& row) {
    ++counts.cases;
    counts.disagreements += row.disagree;
    counts.skipped += row.skipped > 0;
  });
  return counts;
}

}  // namespace settle
