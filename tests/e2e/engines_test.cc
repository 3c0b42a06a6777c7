// End-to-end tests of settle's engines: every real shell of a built-in profile that is installed,
// and a deliberately misbehaving engine for faults. Each runs the built settle binary and reads
// its JSON report.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

std::map<std::string, std::string> statuses(const std::string& report_path,
                                            const std::string& engine) {
  std::map<std::string, std::string> by_id;
  json report = json::parse(read_file(report_path));
  for (const json& record : report["results"]) {
    if (record["engine"] == engine)
      by_id[record["id"]] =
          record["status"].get<std::string>() + " " + record["message"].get<std::string>();
  }
  return by_id;
}

std::string status_of(const std::map<std::string, std::string>& statuses, const std::string& id) {
  auto found = statuses.find(id);
  return found == statuses.end() ? "missing" : found->second.substr(0, found->second.find(' '));
}

// The runaway cases, the memory bomb ending at `bomb_timeout_ms`.
std::string runaway_cases(int bomb_timeout_ms) {
  return R"json({"cases": [
  {"id": "a-loop", "timeout_ms": 1500, "code": "while (true) {}", "expect": {"returns": 1}},
  {"id": "b-job-loop", "timeout_ms": 1500, "code": "function f() { Promise.resolve().then(f); } f()",
   "expect": {"returns": 1}},
  {"id": "c-memory-bomb", "timeout_ms": )json" +
         std::to_string(bomb_timeout_ms) + R"json(,
   "code": "var a = []; while (true) a.push({x: a.length, y: [1, 2, 3]});", "expect": {"returns": 1}},
  {"id": "d-recursion", "code": "function f() { return f() + 1; } f()", "expect": {"throws": {"$any": true}}},
  {"id": "e-fine", "code": "Promise.resolve('ok').finally(function () {})", "expect": {"fulfilled": "ok"}},
  {"id": "f-unhandled", "code": "Promise.reject(new Error('nobody catches me')); 1", "expect": {"returns": 1}},
  {"id": "g-fine-after", "code": "$log(1); Promise.reject(2)", "expect": {"rejected": 2, "log": [1]}}
]})json";
}

class RealEngineTest : public ::testing::TestWithParam<std::string> {};

// Engines/Hostile (hostile_test.cc) runs harder runaway code on every other engine; these three
// answer some of its cases differently (see hostile_engines()), so they get this list instead.
class RunawayOutsideHostile : public ::testing::TestWithParam<std::string> {};

TEST_P(RunawayOutsideHostile, RunawayCasesEndAsTimeoutOrErrorAndTheOthersPass) {
  if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  TempDir dir;
  // engine262 never fills its memory within a minute: its bomb ends at a shorter deadline.
  dir.write("cases/hostile.json", runaway_cases(GetParam() == "engine262" ? 5000 : 60000));
  ProcessResult run =
      settle({"run", "cases", "-e", GetParam(), "-j", "2", "--json", "r.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  auto results = statuses(dir.file("r.json"), GetParam());
  EXPECT_EQ(status_of(results, "hostile/a-loop"), "timeout");
  EXPECT_EQ(status_of(results, "hostile/b-job-loop"), "timeout");
  // A memory bomb ends at the engine's memory limit (an error), or at its deadline where the
  // engine is too slow to fill the memory in time (engine262, an interpreter in node).
  std::string bomb = status_of(results, "hostile/c-memory-bomb");
  EXPECT_TRUE(bomb == "error" || (GetParam() == "engine262" && bomb == "timeout"))
      << results["hostile/c-memory-bomb"];
  if (GetParam() == "engine262") {
    // engine262 recurses in its host, whose stack runs out before the case's does.
    EXPECT_NE(results["hostile/d-recursion"].find("exhausted the stack of engine262's host"),
              std::string::npos)
        << results["hostile/d-recursion"];
  } else {
    EXPECT_EQ(status_of(results, "hostile/d-recursion"), "pass") << results["hostile/d-recursion"];
  }
  EXPECT_EQ(status_of(results, "hostile/e-fine"), "pass") << results["hostile/e-fine"];
  EXPECT_EQ(status_of(results, "hostile/f-unhandled"), "pass") << results["hostile/f-unhandled"];
  EXPECT_EQ(status_of(results, "hostile/g-fine-after"), "pass") << results["hostile/g-fine-after"];
}

TEST_P(RealEngineTest, CaseCodeReachesNoFileProcessOrShellFunction) {
  if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  TempDir dir;
  dir.write("cases/sandbox.json", R"json({"cases": [
    {"id": "names", "code": "[typeof require, typeof process, typeof module, typeof os, typeof read, typeof snarf, typeof redirect, typeof system, typeof evaluate, typeof load, typeof quit, typeof readline, typeof newGlobal]",
     "expect": {"returns": ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"]}},
    {"id": "constructor-escape",
     "code": "var found; try { found = typeof Function('return this')().process; } catch (e) { found = 'threw'; } found",
     "expect": {"returns": "undefined"}},
    {"id": "host-api-only", "code": "[typeof $log, typeof print, typeof setTimeout, typeof clearTimeout]",
     "expect": {"returns": ["function", "function", "function", "function"]}}
  ]})json");
  ProcessResult run = settle({"run", "cases", "-e", GetParam()}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

// Every case passes but the engine's known failures (engines/known_failures.json), each a
// conformance bug of that engine; a known failure that passes now fails the test too.
TEST_P(RealEngineTest, ShippedCorpusPassesButItsKnownFailures) {
  if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  ProcessResult run = settle({"run", "cases", "-e", GetParam(), "--quiet", "--expectations",
                              "engines/known_failures.json", "--strict-expectations"},
                             SETTLE_SOURCE_DIR);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST_P(RealEngineTest, APreludeReplacesAMethodInEveryRealm) {
  if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  TempDir dir;
  dir.write("patch.js", "Promise.prototype.finally = function (f) { return this.then(f, f); };");
  dir.write("cases/p.json", R"json({"cases": [
    {"id": "a", "code": "Promise.resolve(2).finally(function () { return 77; })", "expect": {"fulfilled": 2}},
    {"id": "b", "code": "Promise.prototype.finally.length", "expect": {"returns": 1}}
  ]})json");
  ProcessResult run = settle(
      {"run", "cases", "-e", GetParam(), "--prelude", "patch.js", "--json", "r.json"}, dir.path());
  auto results = statuses(dir.file("r.json"), GetParam());
  EXPECT_EQ(status_of(results, "p/a"), "fail") << "the patched finally returns 77";
  EXPECT_EQ(status_of(results, "p/b"), "pass");
}

INSTANTIATE_TEST_SUITE_P(Shells, RunawayOutsideHostile,
                         ::testing::Values("spidermonkey", "quickjs", "engine262"),
                         profile_test_name);

// Every built-in profile of the process adapter; a test skips an engine that is not installed.
INSTANTIATE_TEST_SUITE_P(Shells, RealEngineTest, ::testing::ValuesIn(kProcessProfiles),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

// The browsers: one run of the shipped corpus, each case in an iframe realm of a page (the
// sandbox and deadline tests run on them as on every built-in profile).
void expect_corpus_passes_but_known_failures(const std::string& browser) {
  ProcessResult run = settle({"run", "cases", "-e", browser, "-j", "2", "--quiet", "--expectations",
                              "engines/known_failures.json", "--strict-expectations"},
                             SETTLE_SOURCE_DIR);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST(Browsers, ShippedCorpusPassesButItsKnownFailuresOnChromium) {
  if (!engine_available("chromium")) GTEST_SKIP() << "chromium is not installed";
  expect_corpus_passes_but_known_failures("chromium");
}

TEST(Browsers, ShippedCorpusPassesButItsKnownFailuresOnFirefox) {
  if (!engine_available("firefox"))
    GTEST_SKIP() << "firefox is not installed (apt-get install firefox-esr)";
  expect_corpus_passes_but_known_failures("firefox");
}

TEST(Browsers, ShippedCorpusPassesButItsKnownFailuresOnWebKitGTK) {
  if (!engine_available("webkitgtk"))
    GTEST_SKIP() << "webkitgtk is not installed (settle engines --install webkitgtk)";
  expect_corpus_passes_but_known_failures("webkitgtk");
}

// $262.gc is V8's gc() in chromium's page (--expose-gc), so test262's host-gc-required tests run
// there; Firefox exposes no collector to a page, so they skip on firefox.
TEST(Browsers, Test262GcRunsOnChromiumAndSkipsOnFirefox) {
  if (!engine_available("chromium")) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string harness = std::string(SETTLE_SOURCE_DIR) + "/tests/test262/harness/";
  dir.write("harness/assert.js", read_file(harness + "assert.js"));
  dir.write("harness/sta.js", read_file(harness + "sta.js"));
  dir.write("test/gc.js", R"js(/*---
description: $262.gc collects
features: [host-gc-required]
---*/
var kind = typeof $262.gc;
$262.gc();
assert.sameValue(kind, 'function');
)js");
  std::vector<std::string> args = {"run", dir.file("test"), "--test262-dir", dir.path(),
                                   "-e",  "chromium",       "--json",        dir.file("r.json")};
  const bool firefox = engine_available("firefox");
  if (firefox) args.insert(args.end(), {"-e", "firefox"});
  ProcessResult run = settle(args);
  EXPECT_EQ(status_of(statuses(dir.file("r.json"), "chromium"), "test/gc.js#default"), "pass")
      << run.out << run.err;
  if (firefox) {
    EXPECT_EQ(status_of(statuses(dir.file("r.json"), "firefox"), "test/gc.js#default"), "skip");
  }
}

// A case whose timers go on forever is ended by the page itself at its timeout, between two tasks:
// its result keeps what it logged (a browser killed at the deadline would have lost it), and the
// next case runs in the same browser.
TEST(Browsers, ThePageEndsATimerLoopAtItsTimeoutKeepingItsLog) {
  for (const std::string engine : {"chromium", "firefox", "webkitgtk"}) {
    SCOPED_TRACE(engine);
    if (!engine_available(engine)) continue;
    TempDir dir;
    dir.write("cases/loop.json", R"json({"cases": [
      {"id": "a-interval-forever", "expect": {"pending": true}, "code": ["var n = 0;",
        "setInterval(function () { if (n++ < 3) $log('tick'); }, 1);", "new Promise(function () {})"]},
      {"id": "b-after", "code": "Promise.resolve(1)", "expect": {"fulfilled": 1}}
    ]})json");
    ProcessResult run =
        settle({"run", "cases", "-e", engine, "--timeout", "1500", "--json", "r.json"}, dir.path());
    json report = read_json(dir.file("r.json"));
    ASSERT_EQ(report["results"].size(), 2u) << run.out << run.err;
    const json& loop = report["results"][0];
    EXPECT_EQ(loop["status"], "timeout");
    EXPECT_EQ(loop["observed"]["log"], json::array({"tick", "tick", "tick"})) << loop.dump();
    EXPECT_EQ(report["results"][1]["status"], "pass");
  }
}

TEST(MisbehavingEngine, EachFaultEndsItsCaseAndTheOthersStillPass) {
  TempDir dir;
  dir.write("misbehaving.json", std::string(R"json({"name": "misbehaving", "adapter": "process",
    "command": ["node", ")json") + SETTLE_SOURCE_DIR +
                                    "/tests/e2e/misbehaving_engine.js\"]}");
  dir.write("cases/m.json", R"json({"cases": [
    {"id": "a-fine", "code": "1", "expect": {"returns": 1}},
    {"id": "b-crash", "code": "CRASH", "expect": {"returns": 1}},
    {"id": "c-fine", "code": "1", "expect": {"returns": 1}},
    {"id": "d-exit", "code": "EXIT", "expect": {"returns": 1}},
    {"id": "e-garbage", "timeout_ms": 1000, "code": "GARBAGE", "expect": {"returns": 1}},
    {"id": "f-bad-json", "code": "BADJSON", "expect": {"returns": 1}},
    {"id": "g-silent", "timeout_ms": 500, "code": "SILENT", "expect": {"returns": 1}},
    {"id": "h-fine", "code": "1", "expect": {"returns": 1}}
  ]})json");
  ProcessResult run =
      settle({"run", "cases", "-e", dir.file("misbehaving.json"), "-j", "1", "--json", "r.json"},
             dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  auto results = statuses(dir.file("r.json"), "misbehaving");
  EXPECT_EQ(status_of(results, "m/a-fine"), "pass");
  EXPECT_EQ(status_of(results, "m/b-crash"), "error");
  EXPECT_NE(results["m/b-crash"].find("killed by signal 11"), std::string::npos)
      << results["m/b-crash"];
  EXPECT_EQ(status_of(results, "m/c-fine"), "pass");
  EXPECT_EQ(status_of(results, "m/d-exit"), "error");
  EXPECT_NE(results["m/d-exit"].find("exited with status 7"), std::string::npos)
      << results["m/d-exit"];
  EXPECT_EQ(status_of(results, "m/e-garbage"), "timeout") << results["m/e-garbage"];
  EXPECT_EQ(status_of(results, "m/f-bad-json"), "error");
  EXPECT_NE(results["m/f-bad-json"].find("not one JSON value"), std::string::npos)
      << results["m/f-bad-json"];
  EXPECT_EQ(status_of(results, "m/g-silent"), "timeout");
  EXPECT_EQ(status_of(results, "m/h-fine"), "pass");
}

TEST(MisbehavingEngine, AProfileWhoseCommandCannotStartExitsThree) {
  TempDir dir;
  dir.write("broken.json",
            R"json({"name": "broken", "adapter": "process", "command": ["false"]})json");
  dir.write("cases/a.json",
            R"json({"cases": [{"id": "a", "code": "1", "expect": {"returns": 1}}]})json");
  ProcessResult run = settle({"run", "cases", "-e", dir.file("broken.json")}, dir.path());
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("broken could not start"), std::string::npos) << run.err;
}

TEST(MisbehavingEngine, AMissingCommandSaysHowToInstallIt) {
  TempDir dir;
  dir.write("absent.json", R"json({"name": "absent", "adapter": "process",
    "command": ["no-such-js-shell"], "install": "apt-get install no-such-js-shell"})json");
  dir.write("cases/a.json",
            R"json({"cases": [{"id": "a", "code": "1", "expect": {"returns": 1}}]})json");
  ProcessResult run = settle({"run", "cases", "-e", dir.file("absent.json")}, dir.path());
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find(
                "no-such-js-shell is not on PATH (to install: apt-get install no-such-js-shell)"),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace settle::testing
