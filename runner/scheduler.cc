#include "runner/scheduler.h"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "runner/interrupt.h"
#include "runner/judge.h"

namespace settle {
namespace {

Result run_one(const PlannedJob& planned, const EngineFactory& factory,
               std::unique_ptr<Engine>& engine) {
  const Case& test = *planned.job.test;
  const std::string& name = factory.info().name;
  if (planned.skip) {
    Result skipped;
    skipped.test = &test;
    skipped.engine = name;
    skipped.status = Status::kSkip;
    skipped.message = *planned.skip;
    return skipped;
  }
  auto start = std::chrono::steady_clock::now();
  Observation observed;
  try {
    if (!engine) engine = factory.create();
    observed = engine->run(planned.job);
  } catch (const std::exception& error) {
    observed = Observation{};
    observed.fault = std::string("the engine failed: ") + error.what();
  }
  std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  return judge(test, name, std::move(observed), took.count());
}

}  // namespace

void run_jobs(const std::vector<PlannedJob>& jobs, const std::vector<const EngineFactory*>& engines,
              unsigned workers, const SchedulerCallbacks& callbacks) {
  std::atomic<std::size_t> next_job{0};
  std::mutex lock;
  // Results that finished before one of the jobs in front of them: only these wait, so memory
  // does not grow with the number of jobs.
  std::map<std::size_t, Result> finished;
  std::size_t next_to_deliver = 0;
  std::size_t done = 0;

  auto work = [&] {
    std::vector<std::unique_ptr<Engine>> instances(engines.size());
    for (std::size_t i = next_job++; i < jobs.size() && !interrupted(); i = next_job++) {
      Result result = run_one(jobs[i], *engines[jobs[i].engine], instances[jobs[i].engine]);
      // A case the interrupt cut short did not finish: it has no result.
      if (interrupted() && (result.status == Status::kTimeout || result.status == Status::kError)) {
        break;
      }
      std::lock_guard<std::mutex> guard(lock);
      ++done;
      if (callbacks.on_progress) callbacks.on_progress(done, jobs.size(), result);
      finished.emplace(i, std::move(result));
      while (!finished.empty() && finished.begin()->first == next_to_deliver) {
        if (callbacks.on_result) callbacks.on_result(std::move(finished.begin()->second));
        finished.erase(finished.begin());
        ++next_to_deliver;
      }
    }
  };

  unsigned count = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  // After an interrupt, the results that finished behind a job that never did, still in order.
  for (auto& [index, result] : finished) {
    if (callbacks.on_result) callbacks.on_result(std::move(result));
  }
}

}  // namespace settle
