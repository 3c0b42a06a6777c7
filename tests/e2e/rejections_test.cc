// End-to-end tests of rejection tracking (docs/design.md, "Unhandled rejections"): the built settle
// runs case files on Duktape (embedded, settle's own Promise) and engine262, and the tests read the
// JSON and JUnit reports.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

const char* const kTrackedCases = R"json({
  "cases": [
    {"id": "a-timer-handles", "code": [
      "var p = Promise.reject(1);",
      "setTimeout(function () { p.catch(function () {}); }, 0);",
      "'done'"],
     "expect": {"returns": "done", "rejections": [{"unhandled": 1}, {"handled": 1}], "unhandled": []}},
    {"id": "b-finally-passes-through", "code": "Promise.reject(2).finally(function () {}); 'done'",
     "expect": {"returns": "done", "unhandled": [2]}},
    {"id": "c-wrong-expectation", "code": "Promise.reject(3).then(function () {}); 'done'",
     "expect": {"returns": "done", "unhandled": []}},
    {"id": "d-says-nothing", "code": "Promise.reject(4); 'done'", "expect": {"returns": "done"}},
    {"id": "e-subject-is-awaited", "code": "Promise.reject(5)", "expect": {"rejected": 5}}
  ]
})json";

TEST(Rejections, ReportCarriesTrackerEventsAndJudgesTheExpectation) {
  TempDir dir;
  dir.write("cases/r.json", kTrackedCases);
  ProcessResult run =
      settle({"run", "cases", "-e", "duktape", "--json", "report.json", "--junit", "report.xml"},
             dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  json report = read_json(dir.file("report.json"));
  EXPECT_EQ(status_in(report, "r/a-timer-handles", "duktape"), "pass");
  EXPECT_EQ(status_in(report, "r/b-finally-passes-through", "duktape"), "pass");
  EXPECT_EQ(status_in(report, "r/c-wrong-expectation", "duktape"), "fail");
  EXPECT_EQ(status_in(report, "r/d-says-nothing", "duktape"), "pass");
  EXPECT_EQ(status_in(report, "r/e-subject-is-awaited", "duktape"), "pass");

  const json* timer = result_of(report, "r/a-timer-handles");
  ASSERT_NE(timer, nullptr);
  EXPECT_EQ((*timer)["observed"]["rejections"], json::parse(R"([{"unhandled":1},{"handled":1}])"));
  EXPECT_EQ((*timer)["expected"]["unhandled"], json::array());
  const json* subject = result_of(report, "r/e-subject-is-awaited");
  ASSERT_NE(subject, nullptr);
  EXPECT_EQ((*subject)["observed"]["rejections"], json::array());

  const json* wrong = result_of(report, "r/c-wrong-expectation");
  ASSERT_NE(wrong, nullptr);
  std::string message = (*wrong)["message"];
  EXPECT_TRUE(contains(message, "expected unhandled []")) << message;
  EXPECT_TRUE(contains(message, "observed unhandled [3]")) << message;
  std::string junit = read_file(dir.file("report.xml"));
  EXPECT_TRUE(contains(junit, "observed unhandled [3]")) << junit;
}

TEST(Rejections, StrictRejectionsChecksCasesThatSayNothing) {
  TempDir dir;
  dir.write("cases/r.json", kTrackedCases);
  ProcessResult run =
      settle({"run", "cases", "-e", "duktape", "--strict-rejections", "--json", "report.json"},
             dir.path());
  EXPECT_EQ(run.exit_code, 1);
  json report = read_json(dir.file("report.json"));
  EXPECT_EQ(status_in(report, "r/d-says-nothing", "duktape"), "fail");
  EXPECT_EQ(status_in(report, "r/e-subject-is-awaited", "duktape"), "pass");
  EXPECT_EQ(status_in(report, "r/b-finally-passes-through", "duktape"), "pass");
  const json* says_nothing = result_of(report, "r/d-says-nothing");
  ASSERT_NE(says_nothing, nullptr);
  EXPECT_TRUE(contains((*says_nothing)["message"], "--strict-rejections"))
      << (*says_nothing)["message"];
}

TEST(Rejections, HostWithoutTrackingSkipsTheAreaAndFailsNoStrictCheck) {
  TempDir dir;
  dir.write("cases/r.json",
            R"({"features": ["host-rejection-tracking"], "cases": [
                 {"id": "x", "code": "Promise.reject(1); 0", "expect": {"returns": 0, "unhandled": [1]}}]})");
  dir.write(
      "cases/plain.json",
      R"({"cases": [{"id": "y", "code": "Promise.reject(1); 0", "expect": {"returns": 0}}]})");
  ProcessResult run = settle(
      {"run", "cases", "-e", "duktape+es6-promise", "--strict-rejections", "--json", "report.json"},
      dir.path());
  if (contains(run.err, "not installed")) GTEST_SKIP() << run.err;
  json report = read_json(dir.file("report.json"));
  EXPECT_EQ(status_in(report, "r/x", "duktape+es6-promise"), "skip");
  EXPECT_EQ(status_in(report, "plain/y", "duktape+es6-promise"), "pass") << run.out << run.err;
}

// A Promise library's own hook (the profile's rejection_hook) feeds the host's rule: bluebird's
// onPossiblyUnhandledRejection and core-js's onunhandledrejection report what the library holds
// unhandled; the global through which the hook reaches the host is gone before case code runs.
TEST(Rejections, LibraryHookFeedsTheRuleAndItsGlobalStaysHidden) {
  TempDir dir;
  dir.write("cases/r.json", R"({"features": ["host-rejection-tracking"], "cases": [
      {"id": "unhandled", "code": "new Promise(function (resolve, reject) { reject(1); }); 'done'",
       "expect": {"returns": "done", "unhandled": [1]}},
      {"id": "caught", "code": "Promise.reject(2).then(null, function () {}); 'done'",
       "expect": {"returns": "done", "unhandled": []}},
      {"id": "hook-hidden", "code": "typeof __settleRejectionHook", "expect": {"returns": "undefined"}}]})");
  int checked = 0;
  for (const char* library : {"duktape+bluebird", "duktape+core-js"}) {
    if (!engine_available(library)) {
      std::cout << library << " is not installed: not checked\n";
      continue;
    }
    ++checked;
    ProcessResult run =
        settle({"run", "cases", "-e", library, "--json", "report.json"}, dir.path());
    EXPECT_EQ(run.exit_code, 0) << library << "\n" << run.out << run.err;
    json report = read_json(dir.file("report.json"));
    for (const char* id : {"r/unhandled", "r/caught", "r/hook-hidden"})
      EXPECT_EQ(status_in(report, id, library), "pass") << library << " " << id << "\n" << run.out;
  }
  if (checked == 0) GTEST_SKIP() << "neither bluebird nor core-js is installed (make engines)";
}

TEST(Rejections, BadRejectionsPatternNamesTheField) {
  TempDir dir;
  dir.write(
      "cases/r.json",
      R"({"cases": [{"id": "x", "code": "0", "expect": {"returns": 0, "rejections": [{"lost": 1}]}}]})");
  ProcessResult run = settle({"run", "cases", "-e", "duktape"}, dir.path());
  EXPECT_NE(run.exit_code, 0);
  EXPECT_TRUE(contains(run.out + run.err, "cases[0].expect.rejections[0]")) << run.out << run.err;
}

TEST(Rejections, AreaPassesOnEngine262TheSpec) {
  if (!engine_available("engine262")) GTEST_SKIP() << "engine262 is not installed (make engines)";
  TempDir dir;
  ProcessResult run = settle({"run", std::string(SETTLE_SOURCE_DIR) + "/cases/rejection-tracking",
                              "-e", "engine262", "-j", "2", "--json", dir.file("report.json")});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  json report = read_json(dir.file("report.json"));
  std::size_t passed = 0;
  for (const json& record : report["results"]) passed += record["status"] == "pass";
  EXPECT_GE(passed, 60u);
}

}  // namespace
}  // namespace settle::testing
