#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "reports/result_store.h"
#include "runner/gate/comparison.h"

namespace settle {

// The case × engine matrix of a run (runner/gate/comparison.h), read back from its result store one
// row at a time, so that it costs one case's results whatever the size of the run. It relies on
// the store's order: by id, then engine.
class CaseRows {
 public:
  CaseRows(const ResultStore& results, std::vector<std::string> engines);

  // Calls `visit` with each case's row, by id; the row and its cells live until `visit` returns.
  // Results of an engine not in `engines` are left out. Throws ReportWriteError as the store does.
  void for_each(const std::function<void(const ComparisonRow&)>& visit) const;

  struct Counts {
    std::size_t cases = 0;
    std::size_t disagreements = 0;
    std::size_t skipped = 0;  // the cases that at least one engine skipped
  };
  Counts counts() const;

 private:
  const ResultStore& results_;
  std::vector<std::string> engines_;
};

}  // namespace settle
