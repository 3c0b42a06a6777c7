#include "reports/slowest_runs.h"

#include <algorithm>
#include <tuple>

namespace settle {
namespace {

// Whether `a` ranks before `b` in the list: slower, or as slow and first by id, then engine.
bool ranks_before(const SlowRun& a, const SlowRun& b) {
  if (a.duration_ms != b.duration_ms) return a.duration_ms > b.duration_ms;
  return std::tie(a.id, a.engine) < std::tie(b.id, b.engine);
}

}  // namespace

void SlowestRuns::add(const Result& result) {
  if (result.status == Status::kSkip || limit_ == 0) return;
  ++seen_;
  if (heap_.size() == limit_) {
    if (!ranks_before({result.test->id, result.engine, result.duration_ms}, heap_.front())) return;
    std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
    heap_.pop_back();
  }
  heap_.push_back({result.test->id, result.engine, result.duration_ms});
  std::push_heap(heap_.begin(), heap_.end(), ranks_before);
}

std::vector<SlowRun> SlowestRuns::slowest_first() const {
  std::vector<SlowRun> list = heap_;
  std::sort(list.begin(), list.end(), ranks_before);
  return list;
}

}  // namespace settle
