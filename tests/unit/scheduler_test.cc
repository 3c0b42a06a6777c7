// The scheduler takes its jobs a batch at a time and hands the results over in the jobs' order.
#include "runner/run/scheduler.h"
#include "runner/model/value_json.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace settle {
namespace {

// An engine that sleeps as many milliseconds as its case's code says, then returns that number.
class SleepingEngine : public Engine {
 public:
  explicit SleepingEngine(const EngineInfo& info) : info_(info) {}
  const EngineInfo& info() const override { return info_; }
  Observation run(const Job& job) override {
    int ms = std::stoi(job.test->code);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    Observation observed;
    observed.ending = Settled{Outcome::kReturns, value_of(ms)};
    return observed;
  }

 private:
  const EngineInfo& info_;
};

class SleepingFactory : public EngineFactory {
 public:
  explicit SleepingFactory(std::string name) { info_.name = std::move(name); }
  const EngineInfo& info() const override { return info_; }
  std::unique_ptr<Engine> create() const override {
    return std::make_unique<SleepingEngine>(info_);
  }

 private:
  EngineInfo info_;
};

// Batches of cases b<batch>/c<case> on every engine; a case sleeps `sleep(batch, case)` ms.
class Feed {
 public:
  Feed(std::size_t batches, std::size_t cases, std::vector<const EngineInfo*> engines,
       int (*sleep)(std::size_t, std::size_t))
      : batches_(batches), cases_(cases), engines_(std::move(engines)), sleep_(sleep) {}

  std::unique_ptr<JobBatch> next() {
    if (handed_out_ == batches_) return nullptr;
    auto batch = std::make_unique<JobBatch>();
    for (std::size_t c = 0; c < cases_; ++c) {
      Case& test = batch->cases.emplace_back();
      test.id = "b" + std::to_string(handed_out_) + "/c" + std::to_string(c);
      test.code = std::to_string(sleep_(handed_out_, c));
      test.expect.outcome = Outcome::kReturns;
      test.expect.value = value_of(std::stoi(test.code));
    }
    std::vector<const Case*> cases;
    for (const Case& test : batch->cases) cases.push_back(&test);
    batch->jobs = plan_jobs(cases, engines_, PlanSettings{});
    ++handed_out_;
    return batch;
  }
  std::size_t handed_out() const { return handed_out_; }
  std::size_t total() const { return batches_ * cases_ * engines_.size(); }

 private:
  std::size_t batches_, cases_;
  std::vector<const EngineInfo*> engines_;
  int (*sleep_)(std::size_t, std::size_t);
  std::size_t handed_out_ = 0;
};

struct Engines {
  SleepingFactory a{"a"}, b{"b"};
  std::vector<const EngineFactory*> factories() const { return {&a, &b}; }
  std::vector<const EngineInfo*> infos() const { return {&a.info(), &b.info()}; }
};

TEST(Scheduler, HandsResultsOverInOrderAcrossBatchesWhateverFinishesFirst) {
  Engines engines;
  // The first cases of each batch are the slowest: later jobs finish before them.
  Feed feed(5, 4, engines.infos(), [](std::size_t, std::size_t c) { return int(12 - 4 * c); });
  std::vector<std::string> order;
  std::size_t last_done = 0;
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&& result) {
    EXPECT_EQ(result.status, Status::kPass) << result.message;
    order.push_back(result.test->id + "@" + result.engine);
  };
  callbacks.on_progress = [&](std::size_t done, std::size_t total, const Result&) {
    EXPECT_EQ(done, last_done + 1);
    EXPECT_EQ(total, feed.total());
    last_done = done;
  };
  run_jobs([&] { return feed.next(); }, feed.total(), engines.factories(), 4, callbacks);
  std::vector<std::string> expected;
  for (int b = 0; b < 5; ++b) {
    for (int c = 0; c < 4; ++c) {
      for (const char* engine : {"a", "b"}) {
        expected.push_back("b" + std::to_string(b) + "/c" + std::to_string(c) + "@" + engine);
      }
    }
  }
  EXPECT_EQ(order, expected);
  EXPECT_EQ(last_done, feed.total());
}

TEST(Scheduler, TakesABatchOnlyWhenItReachesIt) {
  Engines engines;
  Feed feed(4, 3, engines.infos(), [](std::size_t, std::size_t) { return 0; });
  std::size_t delivered = 0;
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&&) {
    // One worker: the batch of this result, and none after it, has been taken.
    std::size_t batch = delivered++ / (3 * 2);
    EXPECT_EQ(feed.handed_out(), batch + 1) << "at result " << delivered;
  };
  run_jobs([&] { return feed.next(); }, feed.total(), engines.factories(), 1, callbacks);
  EXPECT_EQ(delivered, feed.total());
}

TEST(Scheduler, SkipsEmptyBatches) {
  Engines engines;
  Feed feed(2, 1, engines.infos(), [](std::size_t, std::size_t) { return 0; });
  int call = 0;
  std::vector<std::string> order;
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&& result) { order.push_back(result.test->id); };
  run_jobs(
      [&]() -> std::unique_ptr<JobBatch> {
        if (call++ % 2 == 0) return std::make_unique<JobBatch>();  // no job
        return feed.next();
      },
      4, engines.factories(), 2, callbacks);
  EXPECT_EQ(order, (std::vector<std::string>{"b0/c0", "b0/c0", "b1/c0", "b1/c0"}));
}

TEST(Scheduler, ABatchThatFailsToLoadEndsTheRunAfterTheResultsBeforeIt) {
  Engines engines;
  Feed feed(3, 2, engines.infos(), [](std::size_t, std::size_t c) { return int(3 - c); });
  std::vector<std::string> order;
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&& result) { order.push_back(result.test->id); };
  auto next = [&]() -> std::unique_ptr<JobBatch> {
    if (feed.handed_out() == 2) throw std::runtime_error("cannot read the cases back");
    return feed.next();
  };
  EXPECT_THROW(run_jobs(next, feed.total(), engines.factories(), 3, callbacks), std::runtime_error);
  EXPECT_EQ(order, (std::vector<std::string>{"b0/c0", "b0/c0", "b0/c1", "b0/c1", "b1/c0", "b1/c0",
                                             "b1/c1", "b1/c1"}));
}

// Counts the instances it makes, to see the pool reuse them across runs.
class CountingFactory : public SleepingFactory {
 public:
  using SleepingFactory::SleepingFactory;
  std::unique_ptr<Engine> create() const override {
    ++created;
    return SleepingFactory::create();
  }
  mutable std::atomic<int> created{0};
};

TEST(Scheduler, APoolKeepsEachWorkersInstancesAcrossRuns) {
  CountingFactory a{"a"}, b{"b"};
  std::vector<const EngineFactory*> factories = {&a, &b};
  std::vector<const EngineInfo*> infos = {&a.info(), &b.info()};
  EnginePool pool;
  std::size_t results = 0;
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&& result) {
    EXPECT_EQ(result.status, Status::kPass) << result.message;
    ++results;
  };
  for (int run = 0; run < 5; ++run) {
    Feed feed(2, 3, infos, [](std::size_t, std::size_t) { return 1; });
    run_jobs([&] { return feed.next(); }, feed.total(), factories, 2, callbacks, pool);
  }
  EXPECT_EQ(results, 5u * 2 * 3 * 2);
  // Two workers need at most two instances of each engine, whatever the number of runs.
  EXPECT_GE(a.created, 1);
  EXPECT_LE(a.created, 2);
  EXPECT_LE(b.created, 2);
  EXPECT_EQ(pool.idle(), static_cast<std::size_t>(a.created + b.created));

  // Without a pool, every run starts its own instances.
  CountingFactory c{"c"};
  for (int run = 0; run < 3; ++run) {
    Feed feed(1, 2, {&c.info()}, [](std::size_t, std::size_t) { return 1; });
    run_jobs([&] { return feed.next(); }, feed.total(), {&c}, 1, callbacks);
  }
  EXPECT_EQ(c.created, 3);
}

}  // namespace
}  // namespace settle
