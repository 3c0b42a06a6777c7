#include "runner/gate/summary.h"

namespace settle {

std::size_t StatusCounts::total() const {
  std::size_t sum = 0;
  for (std::size_t count : by_status) sum += count;
  return sum;
}

StatusCounts Summary::overall() const {
  StatusCounts sum;
  for (const auto& [engine, counts] : per_engine) {
    for (std::size_t i = 0; i < sum.by_status.size(); ++i) sum.by_status[i] += counts.by_status[i];
  }
  return sum;
}

}  // namespace settle
