// The run's result store: what is added is read back, in order, as reports need it.
#include "reports/result_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "compare_engines.h"
#include "reports/case_rows.h"
#include "results_fixture.h"
#include "runner/gate/comparison.h"

namespace settle {
namespace {

namespace fs = std::filesystem;
using testing::Results;

std::vector<std::string> read_back_ids(const ResultStore& store) {
  std::vector<std::string> seen;
  store.for_each([&](StoredResult& stored) {
    seen.push_back(stored.result.test->id + " [" + stored.result.engine + "]");
  });
  return seen;
}

TEST(ResultStore, ReadsBackWhatWasAddedInOrderAsOftenAsAsked) {
  Results make;
  std::vector<Result> results;
  std::vector<std::string> added;
  for (int i = 0; i < 3000; ++i) {  // more than one read chunk
    std::string id = "area/file/case-" + std::to_string(i) + std::string(i % 7, 'x');
    make.add(results, id, i % 2 ? "node" : "duktape", i % 5 ? Status::kPass : Status::kFail);
  }
  ResultStore store;
  for (const Result& result : results) {
    store.add(result);
    added.push_back(result.test->id + " [" + result.engine + "]");
  }
  EXPECT_EQ(store.size(), results.size());
  EXPECT_EQ(read_back_ids(store), added);
  EXPECT_EQ(read_back_ids(store), added) << "a second reader starts from the first result";
}

TEST(ResultStore, KeepsEveryFieldThatReportsShowByteForByte) {
  Case test;
  test.id = "finally/basics/not-utf8-\xff\xfe";
  test.local_id = "not-utf8-\xff\xfe";
  test.file = "cases/finally/basics.json";
  test.line = 42;
  test.description = "a <description>\nover two lines";
  test.expect.outcome = Outcome::kRejected;
  test.expect.value = value_of({{"$error", "TypeError"}});
  test.expect.log = value_of(nlohmann::json::array({1, "two", nullptr, 0.1}));
  Result result;
  result.test = &test;
  result.engine = "duktape+bluebird";
  result.status = Status::kFail;
  result.observed.ending =
      Threw{Test262Phase::kResolution, value_of({{"$number", "NaN"}, {"bytes", "\x01\x7f"}}),
            "SyntaxError"};
  result.observed.log = value_of(nlohmann::json::array({1.0000000000000002, -0.0, 1e300}));
  result.observed.globals = value_of({{"subject", 3}});
  result.observed.printed = "Test262:AsyncTestFailure\n";
  result.observed.harness_error = "assert.js: boom";
  result.observed.uncaught = "uncaught \xc3";
  result.observed.lowered = "es5";
  result.duration_ms = 1234.5678901;
  result.message = "expected rejected, observed fulfilled \x1b[31m";
  result.known_failure = "";

  ResultStore store;
  store.add(result);
  int seen = 0;
  store.for_each([&](StoredResult& stored) {
    ++seen;
    const Result& back = stored.result;
    ASSERT_EQ(back.test, &stored.test);
    EXPECT_EQ(back.test->id, test.id);
    EXPECT_EQ(back.test->local_id, test.local_id);
    EXPECT_EQ(back.test->file, test.file);
    EXPECT_EQ(back.test->line, test.line);
    EXPECT_EQ(back.test->description, test.description);
    EXPECT_EQ(back.test->expect.outcome, test.expect.outcome);
    EXPECT_EQ(back.test->expect.value, test.expect.value);
    EXPECT_EQ(back.test->expect.log, test.expect.log);
    EXPECT_EQ(back.engine, result.engine);
    EXPECT_EQ(back.status, result.status);
    const auto* threw = std::get_if<Threw>(&back.observed.ending);
    ASSERT_TRUE(threw);
    EXPECT_EQ(threw->phase, Test262Phase::kResolution);
    EXPECT_EQ(threw->constructor, "SyntaxError");
    EXPECT_EQ(json_of(threw->value), json_of(result.observed.value()));
    EXPECT_EQ(json_of(back.observed.log).dump(), json_of(result.observed.log).dump());
    EXPECT_EQ(json_of(back.observed.globals), json_of(result.observed.globals));
    EXPECT_EQ(back.observed.printed, result.observed.printed);
    EXPECT_EQ(back.observed.harness_error, result.observed.harness_error);
    EXPECT_EQ(back.observed.uncaught, result.observed.uncaught);
    EXPECT_EQ(back.observed.lowered, result.observed.lowered);
    EXPECT_EQ(back.duration_ms, result.duration_ms);
    EXPECT_EQ(back.message, result.message);
    EXPECT_EQ(back.known_failure, result.known_failure);
  });
  EXPECT_EQ(seen, 1);
}

TEST(ResultStore, TellsAnAbsentStatePendingAndNoExpectedLogApart) {
  Results make;
  Result timeout = make.result("a/b/timeout", "node", Status::kTimeout);
  timeout.known_failure.reset();
  ASSERT_FALSE(timeout.observed.state());
  ASSERT_FALSE(timeout.test->expect.log);
  ResultStore store;
  store.add(timeout);
  store.for_each([&](StoredResult& stored) {
    EXPECT_FALSE(stored.result.observed.state());
    EXPECT_TRUE(std::holds_alternative<TimedOut>(stored.result.observed.ending));
    EXPECT_FALSE(stored.test.expect.log);
    EXPECT_FALSE(stored.result.known_failure);
  });
}

TEST(ResultStore, LeavesNoFileInItsFolder) {
  fs::path folder = fs::temp_directory_path() / ("settle_result_store_" + std::to_string(getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  {
    Results make;
    ResultStore store(folder.string());
    store.add(make.result("a/b/c", "duktape", Status::kPass));
    EXPECT_EQ(read_back_ids(store).size(), 1u);
    EXPECT_TRUE(fs::is_empty(folder)) << "the file is unlinked as soon as it is made";
  }
  fs::remove_all(folder);
}

TEST(ResultStore, ThrowsWhenItsFileCannotBeMade) {
  Results make;
  ResultStore store("/nonexistent-settle-folder");
  store.add(make.result("a/b/c", "duktape", Status::kPass));
  EXPECT_THROW(store.for_each([](StoredResult&) {}), ReportWriteError);
}

// The rows read back from the store are those compare_engines makes of the results in memory.
TEST(CaseRows, AreTheComparisonOfTheResultsInMemory) {
  Results make;
  std::vector<Result> results = comparison_kinds(make);
  ResultStore store;
  for (const Result& result : results) store.add(result);
  std::vector<std::string> engines = {"duktape", "node"};

  auto text = [](const ComparisonRow& row) {
    std::string line = row.test->id + (row.disagree ? " !" : "");
    for (const Result* cell : row.cells) {
      line += " " + (cell ? cell->engine + ":" + std::string(status_name(cell->status)) + ":" +
                                cell->message
                          : std::string("-"));
    }
    return line;
  };
  std::vector<std::string> expected;
  for (const ComparisonRow& row : compare_engines(engines, results).rows) {
    if (row.disagree) expected.push_back(text(row));
  }
  for (const ComparisonRow& row : compare_engines(engines, results).rows) {
    if (!row.disagree) expected.push_back(text(row));
  }
  std::vector<std::string> read;
  CaseRows rows(store, engines);
  for (bool disagree : {true, false}) {
    rows.for_each([&](const ComparisonRow& row) {
      if (row.disagree == disagree) read.push_back(text(row));
    });
  }
  EXPECT_EQ(read, expected);
  // A skip (a/5-skip) or a missing result (a/4-only-node) is not a disagreement: only a/2-differ,
  // whose engines both ran it, is one.
  EXPECT_EQ(read.front(), "a/2-differ ! duktape:fail:because of a/2-differ node:pass:");
  EXPECT_EQ(read[4], "a/5-skip duktape:skip:because of a/5-skip node:pass:");
  CaseRows::Counts counts = rows.counts();
  EXPECT_EQ(counts.cases, 5u);
  EXPECT_EQ(counts.disagreements, 1u);
  EXPECT_EQ(counts.skipped, 1u);
}

}  // namespace
}  // namespace settle
