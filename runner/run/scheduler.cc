#include "runner/run/scheduler.h"

#include <atomic>
#include <chrono>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "runner/run/interrupt.h"
#include "runner/run/judge.h"

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
    observed = Observation::faulted(std::string("the engine failed: ") + error.what());
  }
  std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  return judge(test, name, std::move(observed), took.count(), planned.strict_rejections);
}

// The batches of a run, from the one whose results are being handed over to the one whose jobs
// are being taken. A job is numbered in the run's order; results are handed over in that order.
class Batches {
 public:
  explicit Batches(const NextBatch& next_batch) : next_batch_(next_batch) {}

  struct Taken {
    const PlannedJob* job = nullptr;  // null: no job is left, or none may start
    std::size_t index = 0;
  };

  // The next job, loading the next batch when the last one's jobs are all taken. Batches load
  // under a lock of their own, so that workers hand over results meanwhile.
  Taken take() {
    {
      std::lock_guard<std::mutex> guard(lock_);
      if (Taken taken = take_loaded(); taken.job || ended_) return taken;
    }
    std::lock_guard<std::mutex> loading(loading_);
    {
      std::lock_guard<std::mutex> guard(lock_);
      if (Taken taken = take_loaded(); taken.job || ended_) return taken;
    }
    std::unique_ptr<JobBatch> batch;
    try {
      do {
        batch = next_batch_();
      } while (batch && batch->jobs.empty());
    } catch (...) {
      std::lock_guard<std::mutex> guard(lock_);
      failure_ = std::current_exception();
      ended_ = true;
      return {};
    }
    std::lock_guard<std::mutex> guard(lock_);
    if (!batch) {
      ended_ = true;
      return {};
    }
    live_.push_back({std::move(batch), 0});
    next_in_back_ = 0;
    return take_loaded();
  }

  // Hands over `result`, the `index`-th job's, and every result that waited for it, in order;
  // lets a batch go once its results are all handed over.
  void finish(std::size_t index, Result&& result, const SchedulerCallbacks& callbacks) {
    std::lock_guard<std::mutex> guard(lock_);
    ++done_;
    if (callbacks.on_progress) callbacks.on_progress(done_, total_, result);
    finished_.emplace(index, std::move(result));
    while (!finished_.empty() && finished_.begin()->first == next_to_deliver_) {
      if (callbacks.on_result) callbacks.on_result(std::move(finished_.begin()->second));
      finished_.erase(finished_.begin());
      ++next_to_deliver_;
      if (++live_.front().delivered == live_.front().batch->jobs.size()) live_.pop_front();
    }
  }

  // After an interrupt, the results that finished behind a job that never did, still in order.
  void deliver_the_rest(const SchedulerCallbacks& callbacks) {
    for (auto& [index, result] : finished_) {
      if (callbacks.on_result) callbacks.on_result(std::move(result));
    }
    finished_.clear();
  }

  void set_total(std::size_t total) { total_ = total; }
  std::exception_ptr failure() const { return failure_; }

 private:
  struct Live {
    std::unique_ptr<JobBatch> batch;
    std::size_t delivered = 0;
  };

  // Under lock_.
  Taken take_loaded() {
    if (ended_ && failure_) return {};
    if (live_.empty() || next_in_back_ == live_.back().batch->jobs.size()) return {};
    return {&live_.back().batch->jobs[next_in_back_++], next_index_++};
  }

  const NextBatch& next_batch_;
  std::mutex loading_;  // held while a batch loads; taken before lock_, never after
  std::mutex lock_;
  std::deque<Live> live_;  // in order; the back is the one whose jobs are being taken
  std::size_t next_in_back_ = 0;
  std::size_t next_index_ = 0;
  bool ended_ = false;  // no batch is left, or one failed to load
  std::exception_ptr failure_;
  // Results that finished before one of the jobs in front of them: only these wait.
  std::map<std::size_t, Result> finished_;
  std::size_t next_to_deliver_ = 0;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
};

}  // namespace

std::unique_ptr<Engine> EnginePool::borrow(const EngineFactory& factory) {
  std::lock_guard<std::mutex> guard(lock_);
  auto found = idle_.find(&factory);
  if (found == idle_.end() || found->second.empty()) return nullptr;
  std::unique_ptr<Engine> engine = std::move(found->second.back());
  found->second.pop_back();
  return engine;
}

void EnginePool::give_back(const EngineFactory& factory, std::unique_ptr<Engine> engine) {
  if (!engine) return;
  std::lock_guard<std::mutex> guard(lock_);
  idle_[&factory].push_back(std::move(engine));
}

std::size_t EnginePool::idle() const {
  std::lock_guard<std::mutex> guard(lock_);
  std::size_t count = 0;
  for (const auto& entry : idle_) count += entry.second.size();
  return count;
}

void run_jobs(const NextBatch& next_batch, std::size_t total,
              const std::vector<const EngineFactory*>& engines, unsigned workers,
              const SchedulerCallbacks& callbacks) {
  EnginePool pool;
  run_jobs(next_batch, total, engines, workers, callbacks, pool);
}

void run_jobs(const NextBatch& next_batch, std::size_t total,
              const std::vector<const EngineFactory*>& engines, unsigned workers,
              const SchedulerCallbacks& callbacks, EnginePool& pool) {
  Batches batches(next_batch);
  batches.set_total(total);
  auto stopping = [&] {
    return interrupted() || (callbacks.should_stop && callbacks.should_stop());
  };
  auto work = [&] {
    std::vector<std::unique_ptr<Engine>> instances(engines.size());
    while (!stopping()) {
      Batches::Taken taken = batches.take();
      if (!taken.job || stopping()) break;
      const PlannedJob& job = *taken.job;
      std::unique_ptr<Engine>& instance = instances[job.engine];
      if (!instance && !job.skip) instance = pool.borrow(*engines[job.engine]);
      Result result = run_one(job, *engines[job.engine], instance);
      // A case the interrupt cut short did not finish: it has no result.
      if (interrupted() && (result.status == Status::kTimeout || result.status == Status::kError)) {
        break;
      }
      batches.finish(taken.index, std::move(result), callbacks);
    }
    if (interrupted()) return;  // an interrupted run's instances are not kept
    for (std::size_t e = 0; e < engines.size(); ++e)
      pool.give_back(*engines[e], std::move(instances[e]));
  };

  unsigned count = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(total)));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  batches.deliver_the_rest(callbacks);
  if (batches.failure()) std::rethrow_exception(batches.failure());
}

}  // namespace settle
