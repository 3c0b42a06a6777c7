#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "runner/model/engine.h"
#include "runner/model/result.h"
#include "runner/run/job_feed.h"

namespace settle {

struct SchedulerCallbacks {
  // Each result, in the jobs' order whatever the number of workers.
  std::function<void(Result&&)> on_result;
  // After each job finishes: how many are done. Called under the scheduler's lock.
  std::function<void(std::size_t done, std::size_t total, const Result&)> on_progress;
  // Asked before each job starts: true stops the run as an interrupt does, except that the jobs
  // running finish and keep their results (--maxfail).
  std::function<bool()> should_stop;
};

// Gives the scheduler its jobs a batch at a time, in order: the next batch, or null at the end.
using NextBatch = std::function<std::unique_ptr<JobBatch>()>;

// Runs the jobs, `total` of them, on `workers` threads, each with its own instance of each engine.
// It takes a batch when it reaches it and lets it go once the batch's results are handed over, so
// that memory holds the batches that are running, never every job. Once the run is interrupted
// (runner/run/interrupt.h) no job starts; a job the interrupt cut short (a timeout or an error
// after it) has no result, and the results that finished are still delivered in order. When
// `next_batch` throws, no job starts either, and run_jobs throws that after delivering what
// finished.
void run_jobs(const NextBatch& next_batch, std::size_t total,
              const std::vector<const EngineFactory*>& engines, unsigned workers,
              const SchedulerCallbacks& callbacks);

// Engine instances kept alive between run_jobs calls, so that a caller making many small runs
// (settle explore: one per batch of programs, one per reduction step) starts each engine's
// processes once per worker, not once per call. A worker borrows an idle instance of the
// engine its job needs and gives every instance back when the call ends.
class EnginePool {
 public:
  std::unique_ptr<Engine> borrow(const EngineFactory& factory);  // null: none idle
  void give_back(const EngineFactory& factory, std::unique_ptr<Engine> engine);
  std::size_t idle() const;

 private:
  mutable std::mutex lock_;
  std::map<const EngineFactory*, std::vector<std::unique_ptr<Engine>>> idle_;
};

// As above, with instances borrowed from `pool` and given back to it.
void run_jobs(const NextBatch& next_batch, std::size_t total,
              const std::vector<const EngineFactory*>& engines, unsigned workers,
              const SchedulerCallbacks& callbacks, EnginePool& pool);

}  // namespace settle
