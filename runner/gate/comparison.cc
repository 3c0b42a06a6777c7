#include "runner/gate/comparison.h"

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

}  // namespace settle
