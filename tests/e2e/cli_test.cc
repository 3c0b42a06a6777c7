// End-to-end tests: they run the built settle binary on case files written for each test and
// read its exit status, console output and reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

const char* const kPassing = R"json({
  "suite": "e2e",
  "features": ["Promise"],
  "cases": [
    {"id": "returns", "code": "1 + 1", "expect": {"returns": 2}},
    {"id": "fulfils", "code": "Promise.resolve(2).finally(function () { return 77; })",
     "expect": {"fulfilled": 2}},
    {"id": "rejects", "code": "Promise.reject(3).finally(function () { throw 99; })",
     "expect": {"rejected": 99}},
    {"id": "stays-pending", "code": "new Promise(function () {})", "expect": {"pending": true}},
    {"id": "throws", "code": "null.x", "expect": {"throws": {"$error": "TypeError"}}},
    {"id": "logs-in-order", "code": [
      "setTimeout(function () { $log('timer'); }, 0);",
      "Promise.resolve().then(function () { $log('job'); });",
      "$log('sync');"],
     "expect": {"returns": {"$": "undefined"}, "log": ["sync", "job", "timer"]}},
    {"id": "skipped", "skip": "not today", "code": "1", "expect": {"returns": 1}}
  ]
})json";

const char* const kOneFailure = R"json({
  "cases": [
    {"id": "a-passes", "code": "1", "expect": {"returns": 1}},
    {"id": "b-fails", "description": "the callback's value must not win",
     "code": "Promise.resolve(2).then(function () { return 77; })", "expect": {"fulfilled": 2}},
    {"id": "c-log-differs", "code": "$log(1); $log(2); $log(4)", "expect": {"returns": {"$": "undefined"}, "log": [1, 2, 3]}}
  ]
})json";

json read_json(const std::string& path) { return json::parse(read_file(path)); }

const json& result_for(const json& report, const std::string& id) {
  for (const json& record : report["results"]) {
    if (record["id"] == id) return record;
  }
  static const json missing;
  ADD_FAILURE() << "no result for " << id;
  return missing;
}

TEST(Run, PassingCasesExitZeroAndFillTheJsonReport) {
  TempDir dir;
  dir.write("cases/e2e/basics.json", kPassing);
  ProcessResult run =
      settle({"run", "cases", "--json", "report.json", "--junit", "report.xml"}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;

  json report = read_json(dir.file("report.json"));
  EXPECT_EQ(report["format"], "settle-report/1");
  EXPECT_EQ(report["complete"], true);
  EXPECT_EQ(report["engines"][0]["name"], "duktape");
  EXPECT_EQ(report["summary"]["duktape"]["pass"], 6);
  EXPECT_EQ(report["summary"]["duktape"]["skip"], 1);
  ASSERT_EQ(report["results"].size(), 7u);
  std::vector<std::string> ids;
  for (const json& record : report["results"]) ids.push_back(record["id"]);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));

  const json& fulfils = result_for(report, "e2e/basics/fulfils");
  EXPECT_EQ(fulfils["file"], "cases/e2e/basics.json");
  EXPECT_EQ(fulfils["status"], "pass");
  EXPECT_EQ(fulfils["expected"], json::parse(R"json({"fulfilled": 2})json"));
  EXPECT_EQ(fulfils["observed"]["state"], "fulfilled");
  EXPECT_EQ(fulfils["observed"]["value"], 2);
  EXPECT_TRUE(fulfils["duration_ms"].is_number());

  const json& logs = result_for(report, "e2e/basics/logs-in-order");
  EXPECT_EQ(logs["observed"]["log"], json::parse(R"json(["sync", "job", "timer"])json"));
  EXPECT_EQ(result_for(report, "e2e/basics/skipped")["status"], "skip");
  EXPECT_EQ(result_for(report, "e2e/basics/stays-pending")["observed"]["state"], "pending");
}

TEST(Run, JunitReportIsWellFormedAndValidAgainstJenkinsSchema) {
  TempDir dir;
  dir.write("cases/e2e/basics.json", kPassing);
  dir.write("cases/e2e/failing.json", kOneFailure);
  settle({"run", "cases", "--junit", "report.xml"}, dir.path());
  ProcessResult lint = run_process({"xmllint", "--noout", dir.file("report.xml")});
  EXPECT_EQ(lint.exit_code, 0) << lint.err;

  std::string schema = std::string(SETTLE_SOURCE_DIR) + "/../shared/junit/jenkins-junit-10.xsd";
  if (!std::filesystem::exists(schema)) GTEST_SKIP() << "no schema at " << schema;
  ProcessResult valid =
      run_process({"xmllint", "--noout", "--schema", schema, dir.file("report.xml")});
  EXPECT_EQ(valid.exit_code, 0) << valid.err;

  std::string xml = read_file(dir.file("report.xml"));
  EXPECT_NE(xml.find("classname=\"duktape.e2e/failing\" name=\"b-fails\""), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<failure message=\"expected fulfilled 2\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<skipped message=\"skipped by the case: not today\""), std::string::npos);
}

TEST(Run, AFailureExitsOneAndShowsExpectedBesideObserved) {
  TempDir dir;
  dir.write("cases/f.json", kOneFailure);
  ProcessResult run = settle({"run", "cases", "--json", "report.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("FAIL f/b-fails"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("expected fulfilled 2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("observed fulfilled 77"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("first difference log[2]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("settle: 1 passed, 2 failed"), std::string::npos) << run.out;

  json report = read_json(dir.file("report.json"));
  const json& failed = result_for(report, "f/b-fails");
  EXPECT_EQ(failed["status"], "fail");
  EXPECT_EQ(failed["observed"]["value"], 77);
  EXPECT_NE(failed["message"].get<std::string>().find("observed fulfilled 77"), std::string::npos);
}

TEST(Run, ABrokenCaseFileNamesFileLineColumnAndTheOthersStillRun) {
  TempDir dir;
  dir.write("cases/a-good.json", kOneFailure);
  dir.write("cases/b-bad.json",
            "{\n  \"cases\": [\n    {\"id\": \"x\", \"code\": \"1\" \"expect\": {}}\n  ]\n}\n");
  dir.write(
      "cases/c-invalid.json",
      "{\"cases\": [\n  {\"id\": \"x\", \"code\": \"1\",\n   \"expect\": {\"fulfiled\": 2}}\n]}\n");
  ProcessResult run = settle({"run", "cases", "--json", "report.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("cases/b-bad.json:3:29: invalid JSON"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("cases/c-invalid.json:3:15: cases[0].expect.fulfiled: unknown field"),
            std::string::npos)
      << run.out;
  json report = read_json(dir.file("report.json"));
  EXPECT_EQ(report["results"].size(), 3u);
  EXPECT_EQ(report["load_errors"].size(), 2u);
  EXPECT_EQ(report["load_errors"][0]["line"], 3);
}

TEST(Run, StrictInputStopsBeforeRunning) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  dir.write("cases/b.json",
            "{\"cases\": [{\"id\": \"UPPER\", \"code\": \"1\", \"expect\": {\"returns\": 1}}]}");
  ProcessResult run =
      settle({"run", "cases", "--strict-input", "--json", "report.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cases/b.json:1:13: cases[0].id: must match"), std::string::npos)
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("report.json")));
}

TEST(Run, UnknownEngineIsBadUsageAndListsTheEngines) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  ProcessResult run = settle({"run", "cases", "-e", "no-such-engine"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("unknown engine \"no-such-engine\" (built-in engines: "),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("duktape, "), std::string::npos) << run.err;
}

TEST(Run, AReportInAMissingFolderFailsBeforeAnyCaseRuns) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  ProcessResult run = settle({"run", "cases", "--json", "nowhere/report.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("the folder nowhere does not exist"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("passed"), std::string::npos) << "no case should have run: " << run.out;
}

// A report that fails at the end (here the job summary's file, in a folder that does not exist)
// has its own exit status, 4, which wins over the gate's 1; every other report is still written.
TEST(Run, AReportThatCannotBeWrittenAtTheEndExitsFourAndTheOthersAreWritten) {
  TempDir dir;
  dir.write("cases/a.json", R"json({"cases": [
    {"id": "passes", "code": "1", "expect": {"returns": 1}},
    {"id": "fails", "code": "Promise.resolve(2)", "expect": {"fulfilled": 3}}
  ]})json");
  ProcessResult run = settle({"run", "cases", "--github", "--json", "r.json", "--junit", "r.xml",
                              "--markdown", "r.md", "--html", "r.html"},
                             dir.path(), {"GITHUB_STEP_SUMMARY=" + dir.file("nowhere/summary.md")});
  EXPECT_EQ(run.exit_code, 4) << run.err;
  EXPECT_TRUE(contains(run.err, "settle: cannot write the job summary to ")) << run.err;
  EXPECT_TRUE(contains(run.out, "settle: 1 passed, 1 failed")) << run.out;
  EXPECT_EQ(read_json(dir.file("r.json"))["results"].size(), 2u);
  EXPECT_TRUE(
      contains(read_file(dir.file("r.xml")), "<testcase classname=\"duktape.a\" name=\"fails\""));
  EXPECT_TRUE(
      contains(read_file(dir.file("r.md")), "| duktape | duktape 2.7.0 | 1 | 1 | 0 | 0 | 0 | 2 |"));
  EXPECT_TRUE(contains(read_file(dir.file("r.html")), "data-id=\"a/fails\""));
}

TEST(Run, RunawayCasesEndAsTimeoutOrErrorAndTheRestPass) {
  TempDir dir;
  dir.write("cases/hostile.json", R"json({"cases": [
    {"id": "a-loop", "timeout_ms": 300, "code": "while (true) {}", "expect": {"returns": 1}},
    {"id": "b-job-loop", "timeout_ms": 300,
     "code": "function f() { Promise.resolve().then(f); } f()", "expect": {"returns": 1}},
    {"id": "c-memory-bomb", "timeout_ms": 60000,
     "code": "var s = 'x', a = []; while (true) { s = s + s; a.push(s); }",
     "expect": {"returns": 1}},
    {"id": "d-recursion", "code": "function f() { return f() + 1; } f()",
     "expect": {"throws": {"$error": "RangeError"}}},
    {"id": "e-getter-throws", "code": "({ get x() { throw new Error('no'); } })",
     "expect": {"returns": {"x": 1}}},
    {"id": "f-fine", "code": "Promise.resolve('ok')", "expect": {"fulfilled": "ok"}}
  ]})json");
  ProcessResult run = settle({"run", "cases", "--json", "report.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 1);
  json report = read_json(dir.file("report.json"));
  EXPECT_EQ(result_for(report, "hostile/a-loop")["status"], "timeout");
  EXPECT_EQ(result_for(report, "hostile/b-job-loop")["status"], "timeout");
  // The memory limit, not the deadline, ends it: the deadline is generous for a sanitized build on
  // a busy machine.
  EXPECT_EQ(result_for(report, "hostile/c-memory-bomb")["status"], "error");
  EXPECT_NE(result_for(report, "hostile/c-memory-bomb")["message"].get<std::string>().find(
                "memory limit"),
            std::string::npos);
  EXPECT_EQ(result_for(report, "hostile/d-recursion")["status"], "pass");
  const json& getter = result_for(report, "hostile/e-getter-throws");
  EXPECT_EQ(getter["status"], "error");
  EXPECT_NE(getter["message"].get<std::string>().find("could not be serialised: Error: no"),
            std::string::npos);
  EXPECT_EQ(result_for(report, "hostile/f-fine")["status"], "pass");
}

TEST(Run, EachCaseGetsAFreshRealm) {
  TempDir dir;
  dir.write("cases/realm.json", R"json({"cases": [
    {"id": "a-pollutes", "code": "leaked = 1; Promise.prototype.then = null; Array.prototype.x = 1; 0",
     "expect": {"returns": 0}},
    {"id": "b-sees-nothing",
     "code": "[typeof leaked, typeof Promise.prototype.then, [].x === undefined]",
     "expect": {"returns": ["undefined", "function", true]}}
  ]})json");
  ProcessResult run = settle({"run", "cases", "-j", "1"}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

TEST(Run, ResultsAreTheSameWhateverTheNumberOfWorkers) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  dir.write("cases/b.json", kOneFailure);
  settle({"run", "cases", "-j", "1", "--json", "one.json"}, dir.path());
  settle({"run", "cases", "-j", "4", "--json", "four.json"}, dir.path());
  auto strip = [](json report) {
    for (json& record : report["results"]) record.erase("duration_ms");
    return report["results"];
  };
  EXPECT_EQ(strip(read_json(dir.file("one.json"))), strip(read_json(dir.file("four.json"))));
}

TEST(Run, FilterSelectsCasesByGlobOnFullIds) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  dir.write("cases/b.json", kOneFailure);
  ProcessResult run = settle({"run", "cases", "--filter", "a/*s", "--json", "r.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  json report = read_json(dir.file("r.json"));
  ASSERT_EQ(report["results"].size(), 4u);  // fulfils, rejects, returns, throws
  EXPECT_EQ(report["results"][0]["id"], "a/fulfils");
}

TEST(Run, CaseIdsDoNotDependOnWhichPathIsNamed) {
  TempDir dir;
  dir.write("cases/area/a.json", kPassing);
  settle({"run", "cases/area/a.json", "--json", "r.json"}, dir.path());
  EXPECT_EQ(read_json(dir.file("r.json"))["results"][0]["id"], "area/a/fulfils");
}

TEST(Run, ShippedCorpusPassesOnDuktape) {
  ProcessResult run = settle({"run", "cases", "--quiet"}, SETTLE_SOURCE_DIR);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find(" 0 failed"), std::string::npos) << run.out;
}

TEST(Run, QuietPrintsOnlyTheFinalLine) {
  TempDir dir;
  dir.write("cases/b.json", kOneFailure);
  ProcessResult run = settle({"run", "cases", "--quiet"}, dir.path());
  EXPECT_EQ(run.out.find("FAIL"), std::string::npos);
  EXPECT_EQ(run.out.rfind("settle: 1 passed, 2 failed", 0), 0u) << run.out;
}

// Lines of the --slowest list: "  12.34 ms  ID [ENGINE]", in the order printed.
std::vector<std::string> slowest_listed(const std::string& out) {
  std::vector<std::string> listed;
  std::size_t at = out.find("case-runs:\n");
  if (at == std::string::npos) return listed;
  std::istringstream lines(out.substr(at + 11));
  std::string line;
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
    std::size_t ms = line.find(" ms  ");
    if (ms == std::string::npos) break;
    listed.push_back(line.substr(ms + 5));
  }
  return listed;
}

TEST(Run, SlowestListsTheSlowestCaseRunsSlowestFirst) {
  TempDir dir;
  dir.write("cases/speed.json", R"json({"cases": [
    {"id": "a-waits-on-nothing", "code": "1", "expect": {"returns": 1}},
    {"id": "b-heavy-loop", "code": "var s = 0; for (var i = 0; i < 1000000; i++) { s += i % 7; } s",
     "expect": {"returns": {"$any": true}}},
    {"id": "c-light-loop", "code": "var s = 0; for (var i = 0; i < 30000; i++) { s += i; } s",
     "expect": {"returns": {"$any": true}}},
    {"id": "d-skipped", "skip": "not today", "code": "1", "expect": {"returns": 1}}
  ]})json");
  ProcessResult one = settle({"run", "cases", "--slowest", "1"}, dir.path());
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_TRUE(contains(one.out, "\nslowest 1 of 3 case-runs:\n")) << one.out;
  EXPECT_EQ(slowest_listed(one.out), (std::vector<std::string>{"speed/b-heavy-loop [duktape]"}))
      << one.out;

  ProcessResult all =
      settle({"run", "cases", "--slowest", "10", "--quiet", "--json", "r.json"}, dir.path());
  EXPECT_EQ(all.exit_code, 0) << all.err;
  std::vector<std::string> listed = slowest_listed(all.out);
  ASSERT_EQ(listed.size(), 3u) << "a skip did not run: " << all.out;
  EXPECT_EQ(listed[0], "speed/b-heavy-loop [duktape]") << all.out;
  // The order is the JSON report's durations, slowest first.
  std::vector<std::pair<double, std::string>> durations;
  for (const json& record : read_json(dir.file("r.json"))["results"]) {
    if (record["status"] == "skip") continue;
    durations.push_back(
        {-record["duration_ms"].get<double>(), record["id"].get<std::string>() + " [duktape]"});
  }
  std::sort(durations.begin(), durations.end());
  for (std::size_t i = 0; i < durations.size(); ++i) EXPECT_EQ(listed[i], durations[i].second);
  EXPECT_EQ(all.out.rfind("settle: 3 passed", 0), std::string::npos) << "quiet still lists them";
  EXPECT_TRUE(contains(all.out, "\nsettle: 3 passed, 0 failed, 1 skipped")) << "final line last";

  ProcessResult none = settle({"run", "cases"}, dir.path());
  EXPECT_FALSE(contains(none.out, "slowest")) << none.out;
  EXPECT_EQ(settle({"run", "cases", "--slowest", "0"}, dir.path()).exit_code, 2);
}

TEST(List, PrintsFullIdsWithFeatures) {
  TempDir dir;
  dir.write("cases/e2e/basics.json", kPassing);
  ProcessResult list = settle({"list", "cases"}, dir.path());
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("e2e/basics/fulfils  [Promise]\n"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("e2e/basics/skipped  [Promise]  (skip: not today)"), std::string::npos);
}

TEST(Engines, ListsDuktapeWithItsVersionAndProbes) {
  ProcessResult engines = settle({"engines"});
  EXPECT_EQ(engines.exit_code, 0);
  EXPECT_NE(engines.out.find("duktape  available  duktape 2.7.0"), std::string::npos)
      << engines.out;
  EXPECT_NE(engines.out.find("Symbol.species"), std::string::npos);
  std::string lacks = engines.out.substr(engines.out.find("lacks:"));
  EXPECT_NE(lacks.find("arrow-function"), std::string::npos) << engines.out;
  EXPECT_NE(lacks.find("Reflect.construct"), std::string::npos) << "no newTarget in Duktape";
}

TEST(Cli, AMisspeltEngineIsBadUsageWithTheNearestNameBeforeAnyEngineStarts) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  dir.write("absent.json", R"json({"name": "absent", "adapter": "process",
    "command": ["no-such-js-shell"]})json");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"run", "cases", "-e", "nod"},
           {"run", "cases", "-e", "absent.json", "--engine", "nod"},  // unavailable, but told 2
       }) {
    ProcessResult run = settle(args, dir.path());
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(contains(run.err, "settle: unknown engine \"nod\"; did you mean \"node\"?"))
        << run.err;
    EXPECT_FALSE(contains(run.out, "passed")) << "no case should have run: " << run.out;
  }
  ProcessResult absent = settle({"run", "cases", "-e", "absent.json"}, dir.path());
  EXPECT_EQ(absent.exit_code, 3) << "a sound profile this machine cannot run: " << absent.err;
  EXPECT_TRUE(contains(absent.err, "no-such-js-shell is not on PATH")) << absent.err;
  ProcessResult missing = settle({"run", "cases", "-e", "gone.json"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_TRUE(contains(missing.err, "settle: gone.json: cannot read the engine profile"))
      << missing.err;
}

// A profile file is the user's input like a case file: what is wrong in it is named by
// file:line:column and field, for run and engines alike, and nothing runs.
TEST(Cli, ABrokenProfileNamesFileLineColumnAndField) {
  TempDir dir;
  dir.write("cases/a.json", kPassing);
  dir.write("wrong-type.json", R"json({
  "name": "mine",
  "adapter": "duktape",
  "own_promise": "yes"
})json");
  dir.write("wrong-limit.json", R"json({
  "name": "mine",
  "adapter": "duktape",
  "limits": {"data_mb": "lots"}
})json");
  dir.write("bad-syntax.json", "{\"name\": \"mine\",\n \"adapter\": duktape}");
  struct Broken {
    std::string file;
    std::string says;
  };
  for (const Broken& broken : std::vector<Broken>{
           {"wrong-type.json", "wrong-type.json:4:3: own_promise: must be true or false"},
           {"wrong-limit.json",
            "wrong-limit.json:4:14: limits.data_mb: must be a whole number of MiB"},
           {"bad-syntax.json", "bad-syntax.json:2:13: invalid JSON: "},
       }) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"run", "cases", "-e", broken.file}, {"engines", "-e", broken.file}}) {
      ProcessResult result = settle(args, dir.path());
      SCOPED_TRACE(args[0] + " -e " + broken.file);
      EXPECT_EQ(result.exit_code, 2) << result.err;
      EXPECT_TRUE(contains(result.err, "settle: " + broken.says)) << result.err;
      EXPECT_FALSE(contains(result.out, "passed")) << "no case should have run: " << result.out;
    }
  }
}

TEST(Cli, AMissingPathHasNoLineOrColumn) {
  TempDir dir;
  ProcessResult run = settle({"run", "nosuchdir"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.out, "nosuchdir: no such file or folder")) << run.out;
  EXPECT_FALSE(contains(run.out, "nosuchdir:1")) << run.out;
  ProcessResult list = settle({"list", "nosuchdir"}, dir.path());
  EXPECT_EQ(list.exit_code, 2);
  EXPECT_EQ(list.err, "nosuchdir: no such file or folder\n");
}

// Each command's usage errors: exit status 2, a line naming what is wrong and what is right,
// then where the usage is.
TEST(Cli, UsageErrorsSayWhatIsWrongAndWhatWouldBeRight) {
  TempDir dir;
  dir.write("a.json", "{}");
  struct Misuse {
    std::vector<std::string> args;
    std::string says;
    std::string help;
  };
  const std::vector<Misuse> misuses = {
      {{"rn"}, "settle: unknown command \"rn\"; did you mean \"run\"?", "settle --help"},
      {{"lsit", "cases"},
       "settle: unknown command \"lsit\"; did you mean \"list\"?",
       "settle --help"},
      {{"frobnicate"},
       "settle: unknown command \"frobnicate\" (the commands: run, list, engines, diff, merge, "
       "repro, versions, bisect, history, explore)",
       "settle --help"},
      {{},
       "settle: a command is required: run, list, engines, diff, merge, repro, versions, bisect, "
       "history, explore",
       "settle --help"},
      {{"--verison"},
       "settle: unknown option \"--verison\"; did you mean \"--version\"?",
       "settle --help"},
      {{"run", "cases", "--josn", "r.json"},
       "settle run: unknown option \"--josn\"; did you mean \"--json\"?",
       "settle run --help"},
      {{"run", "--time=300"},
       "settle run: unknown option \"--time\"; did you mean \"--timeout\"?",
       "settle run --help"},
      {{"run", "--json"}, "settle run: option --json needs a value", "settle run --help"},
      {{"run", "--jobs", "0"},
       "settle run: --jobs: Value 0 not in range 1 to 1024",
       "settle run --help"},
      {{"list", "--filtr", "x"},
       "settle list: unknown option \"--filtr\"; did you mean \"--filter\"?",
       "settle list --help"},
      {{"list", "-e", "node"},
       "settle list: unknown option \"-e\" (it is an option of settle run)",
       "settle list --help"},
      {{"engines", "--al"}, "settle engines: unknown option \"--al\"", "settle engines --help"},
      {{"diff", "a.json"},
       "settle diff: missing argument NEW (the later report)",
       "settle diff --help"},
      {{"diff"},
       "settle diff: missing argument OLD (the earlier report, the baseline; or a stored run id, "
       "with --store)",
       "settle diff --help"},
      {{"diff", "a.json", "a.json", "c.json"},
       "settle diff: unexpected argument \"c.json\" (it takes OLD NEW)",
       "settle diff --help"},
      {{"diff", "--markdwon", "d.md", "a.json", "a.json"},
       "settle diff: unknown option \"--markdwon\"; did you mean \"--markdown\"?",
       "settle diff --help"},
      {{"merge", "a.json"},
       "settle merge: missing option --output (write the joined JSON report here)",
       "settle merge --help"},
      {{"merge", "-o", "out.json"},
       "settle merge: missing argument REPORTS (the JSON reports to join)",
       "settle merge --help"},
      {{"merge", "a.json", "--outptu", "out.json"},
       "settle merge: unknown option \"--outptu\"; did you mean \"--output\"?",
       "settle merge --help"},
      {{"engines", "--install"},
       "settle engines: option --install needs a value",
       "settle engines --help"},
      {{"repro"},
       "settle repro: missing argument ID (a case's full id, a test262 test (or run), or a glob)",
       "settle repro --help"},
      {{"repro", "finally/x"},
       "settle repro: missing option --engine (the engine whose shell runs the script)",
       "settle repro --help"},
      {{"repro", "finally/x", "-e", "node", "--ouput", "f.js"},
       "settle repro: unknown option \"--ouput\"; did you mean \"--output\"?",
       "settle repro --help"},
  };
  for (const Misuse& misuse : misuses) {
    ProcessResult result = settle(misuse.args, dir.path());
    std::string command_line;
    for (const auto& arg : misuse.args) command_line += " " + arg;
    SCOPED_TRACE("settle" + command_line);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err.rfind(misuse.says + "\n", 0), 0u) << result.err;
    EXPECT_TRUE(contains(result.err, "Run \"" + misuse.help + "\" for usage.\n")) << result.err;
    EXPECT_EQ(result.out, "");
  }
}

// Every test of this binary runs as a process of its own under CTest: what the program makes as it
// starts, before any test, is made once per test (issue 23: 546 empty settle-test-* folders).
TEST(TestProcess, LeavesNothingInTheTemporaryFolder) {
  TempDir tmp;
  ProcessResult run =
      run_process({std::filesystem::read_symlink("/proc/self/exe").string(),
                   "--gtest_filter=Engines.ShowsAUsersProfileAndOnlyTheEnginesNamed"},
                  "", {"TMPDIR=" + tmp.path()});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.path())) {
    left.push_back(entry.path().filename().string());
  }
  EXPECT_TRUE(left.empty()) << ::testing::PrintToString(left);
}

TEST(Engines, ShowsAUsersProfileAndOnlyTheEnginesNamed) {
  TempDir dir;
  dir.write("mine.json", R"json({"name": "my-duktape", "adapter": "duktape",
    "probes": {"promise-try": "typeof Promise.try === 'function'"}})json");
  ProcessResult engines = settle({"engines", "-e", "mine.json"}, dir.path());
  EXPECT_EQ(engines.exit_code, 0) << engines.err;
  EXPECT_EQ(engines.out.rfind("my-duktape  available  duktape 2.7.0", 0), 0u) << engines.out;
  EXPECT_NE(engines.out.find("promise-try"), std::string::npos) << engines.out;
  EXPECT_NE(engines.out.find("  $262:     evalScript"), std::string::npos) << engines.out;
  EXPECT_EQ(engines.out.find("\nnode"), std::string::npos) << "only the engine named";

  dir.write("absent.json", R"json({"name": "absent", "adapter": "process",
    "command": ["no-such-js-shell"]})json");
  ProcessResult absent = settle({"engines", "-e", "absent.json"}, dir.path());
  EXPECT_EQ(absent.exit_code, 3);
  EXPECT_NE(absent.out.find("absent  unavailable"), std::string::npos) << absent.out;

  dir.write("broken.json", R"json({"name": "broken", "adapter": "nope"})json");
  ProcessResult broken = settle({"engines", "-e", "broken.json"}, dir.path());
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_TRUE(contains(broken.err, "broken.json:1:20: adapter: must be \"duktape\" or \"process\""))
      << broken.err;
}

// Issue 23: on a machine with few engines `settle engines` printed one "unavailable" line per
// library profile (about 40), each with its own "(to install: ...)".
TEST(Engines, ListsAnEmptyEnginesFolderCompactly) {
  TempDir dir;
  ProcessResult engines = settle({"engines", "--engines-dir", dir.path()}, dir.path());
  EXPECT_EQ(engines.exit_code, 0) << engines.err;  // duktape is built in
  std::istringstream lines(engines.out);
  std::size_t unindented = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != ' ') ++unindented;
    EXPECT_NE(line.rfind("duktape+bluebird  unavailable", 0), 0u) << "grouped under duktape";
    EXPECT_EQ(line.find("(to install: "), std::string::npos) << line;
  }
  EXPECT_LT(unindented, 25u) << engines.out;
  EXPECT_TRUE(contains(engines.out, "\nduktape+LIBRARY  unavailable  ")) << engines.out;
  EXPECT_TRUE(contains(engines.out, "node-current+LIBRARY  unavailable  ")) << engines.out;
  EXPECT_TRUE(contains(engines.out, "bluebird, core-js")) << engines.out;
  std::size_t first = engines.out.find("settle engines --install NAME");
  ASSERT_NE(first, std::string::npos) << engines.out;
  EXPECT_EQ(engines.out.find("settle engines --install NAME", first + 1), std::string::npos)
      << "said once";
  EXPECT_TRUE(contains(engines.out, "\nduktape  available  duktape 2.7.0")) << engines.out;
}

TEST(Cli, VersionAndBadUsage) {
  ProcessResult version = settle({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("settle ", 0), 0u);
  EXPECT_EQ(settle({"run", "--jobs", "zero"}).exit_code, 2);
}

}  // namespace
}  // namespace settle::testing
