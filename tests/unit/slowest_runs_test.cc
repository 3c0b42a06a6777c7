#include "reports/slowest_runs.h"

#include <gtest/gtest.h>

#include <deque>

namespace settle {
namespace {

class SlowestRunsTest : public ::testing::Test {
 protected:
  Result result(const std::string& id, const std::string& engine, double duration_ms,
                Status status = Status::kPass) {
    Case& test = cases_.emplace_back();
    test.id = id;
    Result made;
    made.test = &test;
    made.engine = engine;
    made.duration_ms = duration_ms;
    made.status = status;
    return made;
  }

  static std::vector<std::string> listed(const SlowestRuns& slowest) {
    std::vector<std::string> out;
    for (const SlowRun& run : slowest.slowest_first()) {
      out.push_back(run.id + "[" + run.engine + "]=" + std::to_string(int(run.duration_ms)));
    }
    return out;
  }

  std::deque<Case> cases_;
};

TEST_F(SlowestRunsTest, KeepsTheNSlowestSlowestFirstWhateverTheOrder) {
  SlowestRuns slowest(3);
  for (double ms : {5.0, 80.0, 1.0, 300.0, 7.0, 42.0, 0.5, 2.0}) {
    slowest.add(result("c" + std::to_string(int(ms)), "duktape", ms));
    EXPECT_LE(slowest.kept(), 3u) << "the heap never holds more than N";
  }
  EXPECT_EQ(listed(slowest),
            (std::vector<std::string>{"c300[duktape]=300", "c80[duktape]=80", "c42[duktape]=42"}));
  EXPECT_EQ(slowest.runs_seen(), 8u);
}

TEST_F(SlowestRunsTest, EqualDurationsGoByIdThenEngine) {
  SlowestRuns slowest(3);
  slowest.add(result("b", "node", 10));
  slowest.add(result("b", "duktape", 10));
  slowest.add(result("a", "node", 10));
  slowest.add(result("c", "duktape", 10));  // ranks after the three kept: not taken
  EXPECT_EQ(listed(slowest),
            (std::vector<std::string>{"a[node]=10", "b[duktape]=10", "b[node]=10"}));
}

TEST_F(SlowestRunsTest, SkipsDoNotCountAndFewerRunsThanNAreAllListed) {
  SlowestRuns slowest(5);
  slowest.add(result("skipped", "duktape", 900, Status::kSkip));
  slowest.add(result("timed-out", "node", 2000, Status::kTimeout));
  slowest.add(result("passed", "node", 3));
  EXPECT_EQ(listed(slowest), (std::vector<std::string>{"timed-out[node]=2000", "passed[node]=3"}));
  EXPECT_EQ(slowest.runs_seen(), 2u);
}

TEST_F(SlowestRunsTest, ZeroKeepsNothing) {
  SlowestRuns slowest(0);
  slowest.add(result("a", "duktape", 1));
  EXPECT_TRUE(slowest.slowest_first().empty());
}

}  // namespace
}  // namespace settle
