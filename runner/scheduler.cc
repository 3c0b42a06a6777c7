#include "runner/scheduler.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

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
  std::vector<std::optional<Result>> finished(jobs.size());
  std::size_t next_to_deliver = 0;
  std::size_t done = 0;

  auto work = [&] {
    std::vector<std::unique_ptr<Engine>> instances(engines.size());
    for (std::size_t i = next_job++; i < jobs.size(); i = next_job++) {
      Result result = run_one(jobs[i], *engines[jobs[i].engine], instances[jobs[i].engine]);
      std::lock_guard<std::mutex> guard(lock);
      ++done;
      if (callbacks.on_progress) callbacks.on_progress(done, jobs.size(), result);
      finished[i] = std::move(result);
      while (next_to_deliver < jobs.size() && finished[next_to_deliver]) {
        if (callbacks.on_result) callbacks.on_result(std::move(*finished[next_to_deliver]));
        finished[next_to_deliver].reset();
        ++next_to_deliver;
      }
    }
  };

  unsigned count = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
}

}  // namespace settle
