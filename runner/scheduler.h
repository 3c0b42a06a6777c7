#pragma once

#include <functional>
#include <vector>

#include "runner/model/engine.h"
#include "runner/model/result.h"
#include "runner/plan.h"

namespace settle {

struct SchedulerCallbacks {
  // Each result, in the jobs' order whatever the number of workers.
  std::function<void(Result&&)> on_result;
  // After each job finishes: how many are done. Called under the scheduler's lock.
  std::function<void(std::size_t done, std::size_t total, const Result&)> on_progress;
};

// Runs the jobs on `workers` threads, each with its own instance of each engine. Once the run is
// interrupted (runner/interrupt.h) no job starts; a job the interrupt cut short (a timeout or an
// error after it) has no result, and the results that finished are still delivered in order.
void run_jobs(const std::vector<PlannedJob>& jobs, const std::vector<const EngineFactory*>& engines,
              unsigned workers, const SchedulerCallbacks& callbacks);

}  // namespace settle
