// Deadlines, end to end, on every built-in profile that is installed: a case ends no later than its
// timeout plus 1 s whatever its code calls (one long native call, a tight loop, a job loop, a
// timer loop), the case after it runs on a clean engine, SIGINT during a native call ends the run
// within a second with the reports written, and a prelude that does not compile is an input error
// at once.
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "settle_cli.h"
#include "spawned.h"

namespace settle::testing {
namespace {

using nlohmann::json;

// The contract: a case ends no later than its timeout (1 s for every bomb) plus 1 s.
constexpr double kLongestMs = 1000 + 1000;

// tests/e2e/deadline_bombs.json: long native calls, in Duktape's terms (one call into C that runs
// for seconds or minutes, in a loop so that no engine finishes early), loops, job loops and timer
// loops, each followed in id order by a quick `-next` case that must pass. bench/deadline.sh runs
// the same file. A bomb must end as `timeout`, or as one of these where the engine gives up first
// (out of memory, a RangeError for a string too long).
const std::map<std::string, std::set<std::string>> kOtherEndings = {
    {"b01-join-loop", {"error"}},
    {"b02-huge-join", {"error", "fail"}},
    {"b03-sort", {"error"}},
    {"b04-sort-comparator", {"error"}},
    {"b06-json-stringify", {"error"}},
    {"b07-json-parse", {"error"}},
    {"b08-replace-callback", {"error"}},
    // JavaScriptCore's regexp engine (Bun's too) gives up on catastrophic backtracking at once and
    // reports no match.
    {"b05-regexp", {"fail"}}};

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

class Deadline : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = GetParam();
    if (!engine_available(engine_)) GTEST_SKIP() << engine_ << " is not installed here";
  }
  std::string engine_;
};

json a_case(const std::string& id, const std::string& code, const json& expect,
            int timeout_ms = 1000) {
  return {{"id", id}, {"code", code}, {"expect", expect}, {"timeout_ms", timeout_ms}};
}

// The eleven bombs take some 15 s per profile, so they run once per engine, and on core-js (the
// largest library) for each adapter: a library is a prelude, and how a case is stopped is the
// adapter's.
class DeadlineBombs : public Deadline {};

std::vector<std::string> engines_and_a_library_each() {
  std::vector<std::string> profiles = engine_profiles();
  profiles.push_back("duktape+core-js");
  profiles.push_back("node-current+core-js");
  return profiles;
}

// firefox and webkitgtk share chromium's page adapter and deadline path (the bridge's process
// group killed, a new browser for the next case), which chromium's run of all eleven bombs covers;
// each bomb costs a browser start (some 2 to 4 s), so they run one of each kind: an allocation
// loop, a long native call, a tight loop, a job loop, a timer loop.
const std::set<std::string> kOneBombOfEachKind = {"b01-join-loop", "b03-sort", "b09-tight-loop",
                                                  "b10-job-loop", "b11-timer-loop"};
const std::map<std::string, std::set<std::string>> kBombSubsets = {
    {"firefox", kOneBombOfEachKind}, {"webkitgtk", kOneBombOfEachKind}};

json bombs_for(const std::string& engine) {
  json bombs =
      json::parse(read_file(std::string(SETTLE_SOURCE_DIR) + "/tests/e2e/deadline_bombs.json"));
  auto subset = kBombSubsets.find(engine);
  if (subset == kBombSubsets.end()) return bombs;
  json kept = json::array();
  for (const json& bomb : bombs["cases"]) {
    std::string id = bomb["id"];
    if (ends_with(id, "-next")) id = id.substr(0, id.size() - std::string("-next").size());
    if (subset->second.count(id)) kept.push_back(bomb);
  }
  bombs["cases"] = kept;
  return bombs;
}

TEST_P(DeadlineBombs, LongNativeCallsLoopsAndJobLoopsEndWithinTheTimeoutPlusOneSecond) {
  TempDir dir;
  json bombs = bombs_for(engine_);
  dir.write("cases/deadline.json", bombs.dump());
  ProcessResult run = settle({"run", "cases", "-e", engine_, "-j", "1", "--json", "r.json"},
                             dir.path(), {"TMPDIR=" + dir.path()});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  json report = read_json(dir.file("r.json"));
  ASSERT_EQ(report["results"].size(), bombs["cases"].size());
  ASSERT_GE(report["results"].size(), 10u);
  for (const json& result : report["results"]) {
    std::string id = result["id"].get<std::string>().substr(std::string("deadline/").size());
    std::string status = result["status"];
    SCOPED_TRACE(id);
    if (ends_with(id, "-next")) {
      EXPECT_EQ(status, "pass") << result["message"];
      continue;
    }
    auto other = kOtherEndings.find(id);
    EXPECT_TRUE(status == "timeout" ||
                (other != kOtherEndings.end() && other->second.count(status)))
        << status << " " << result["message"];
    EXPECT_LE(result["duration_ms"].get<double>(), kLongestMs) << status;
  }
  EXPECT_TRUE(processes_naming(dir.path()).empty())
      << ::testing::PrintToString(processes_naming(dir.path()));
}

// A quick failing case, then a native call that would run for minutes with an hour's timeout:
// once the quick case's FAIL line is out, the worker is inside the native call.
TEST_P(Deadline, SigintDuringANativeCallEndsTheRunWithinASecondAndKeepsTheReports) {
  TempDir dir;
  json cases = {a_case("a-quick", "1", {{"returns", 2}}),
                a_case("b-native", "var a = []; for (;;) a.push(new Array(100000).join('x'));",
                       {{"returns", 1}}, 3600000)};
  dir.write("cases/native.json", json({{"cases", cases}}).dump());
  Spawned run({settle_binary(), "run", "cases", "-e", engine_, "-j", "1", "--json", "r.json",
               "--junit", "r.xml"},
              dir.path(), {"TMPDIR=" + dir.path()});
  ASSERT_TRUE(run.wait_for_output("FAIL native/a-quick")) << run.out() << run.err();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // well inside the native call
  auto signalled = std::chrono::steady_clock::now();
  run.signal(SIGINT);
  int status = run.wait();
  double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - signalled)
          .count();
  EXPECT_EQ(status, 130) << run.out() << run.err();
  EXPECT_LE(took_ms, 1000.0);
  json report = read_json(dir.file("r.json"));
  EXPECT_EQ(report["complete"], false);
  const json* quick = result_of(report, "native/a-quick");
  ASSERT_NE(quick, nullptr) << report.dump().substr(0, 2000);
  EXPECT_EQ((*quick)["status"], "fail");
  EXPECT_TRUE(contains(read_file(dir.file("r.xml")), "a-quick"));
  EXPECT_TRUE(processes_naming(dir.path()).empty())
      << ::testing::PrintToString(processes_naming(dir.path()));
  // Nor a driver folder, nor a browser's profile folder, in the temporary folder (TMPDIR).
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "cases" || name == "r.json" || name == "r.xml")
        << name << " was left behind";
  }
}

TEST_P(Deadline, APreludeThatDoesNotCompileIsAnInputErrorNamingItAndTheEngine) {
  TempDir dir;
  dir.write("cases/one.json", json({{"cases", {a_case("a", "1", {{"returns", 1}})}}}).dump());
  std::string prelude = dir.write("bad-prelude.js", "var = ;\n");
  auto started = std::chrono::steady_clock::now();
  ProcessResult run = settle({"run", "cases", "-e", engine_, "--prelude", prelude}, dir.path());
  double took_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(contains(run.err, "bad-prelude.js")) << run.err;
  EXPECT_TRUE(contains(run.err, engine_)) << run.err;
  EXPECT_TRUE(contains(run.err, "does not compile")) << run.err;
  // The slow way to fail is the start deadline (30 s, process_engine.cc). A browser takes some 5 s
  // to start, and firefox took 21 s with three other browser tests beside it.
  EXPECT_LT(took_s, 25.0) << "the driver must answer a setup failure at once, not at its deadline";
}

// How a run is interrupted and how a prelude is loaded are the adapter's, so these run once per
// engine and on core-js for each adapter too, as the bombs do: not once per library.
INSTANTIATE_TEST_SUITE_P(EveryEngine, Deadline, ::testing::ValuesIn(engines_and_a_library_each()),
                         profile_test_name);
INSTANTIATE_TEST_SUITE_P(EveryEngine, DeadlineBombs,
                         ::testing::ValuesIn(engines_and_a_library_each()), profile_test_name);

}  // namespace
}  // namespace settle::testing
