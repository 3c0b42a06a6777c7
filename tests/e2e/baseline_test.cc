// End-to-end tests of regression checking: `run --baseline OLD.json` and `settle diff OLD NEW`,
// per engine, on real runs of duktape and node; reading reports of other versions.
#include <filesystem>
#include <regex>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

// Version 1 of a corpus: a passes, b fails, c passes, d passes, e errors... on both engines.
const char* const kBefore = R"json({"cases": [
  {"id": "a-stays", "code": "Promise.resolve(1)", "expect": {"fulfilled": 1}},
  {"id": "b-gets-fixed", "code": "Promise.resolve(2)", "expect": {"fulfilled": 3}},
  {"id": "c-regresses", "code": "Promise.resolve(4)", "expect": {"fulfilled": 4}},
  {"id": "d-removed", "code": "1", "expect": {"returns": 1}},
  {"id": "e-changes", "code": "Promise.resolve(5)", "expect": {"fulfilled": 6}}
]})json";

// Version 2: b now passes, c fails, d is gone, f is new, e fails differently.
const char* const kAfter = R"json({"cases": [
  {"id": "a-stays", "code": "Promise.resolve(1)", "expect": {"fulfilled": 1}},
  {"id": "b-gets-fixed", "code": "Promise.resolve(2)", "expect": {"fulfilled": 2}},
  {"id": "c-regresses", "code": "Promise.resolve(4).then(function () { return 40; })",
   "expect": {"fulfilled": 4}},
  {"id": "e-changes", "code": "Promise.resolve(7)", "expect": {"fulfilled": 6}},
  {"id": "f-added", "code": "2", "expect": {"returns": 2}}
]})json";

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!engine_available("node")) GTEST_SKIP() << "node is not installed";
  }
  ProcessResult run(const std::string& corpus, std::vector<std::string> args) {
    dir_.write("cases/v.json", corpus);
    args.insert(args.begin(), {"run", "cases", "-e", "duktape", "-e", "node"});
    return settle(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(BaselineTest, DiffListsEveryKindOfChangePerEngineAndExitsOneOnRegressions) {
  run(kBefore, {"--json", "old.json"});
  run(kAfter, {"--json", "new.json"});
  ProcessResult diff = settle({"diff", "old.json", "new.json"}, dir_.path());
  EXPECT_EQ(diff.exit_code, 1) << diff.out << diff.err;
  const std::string& out = diff.out;
  EXPECT_TRUE(contains(out,
                       "baseline old.json -> new.json: 2 regressions, 2 fixes, 2 added, 2 "
                       "removed, 2 changed"))
      << out;
  for (const char* engine : {"duktape", "node"}) {
    std::string tag = std::string(" [") + engine + "]  ";
    EXPECT_TRUE(contains(out, "REGRESSION v/c-regresses" + tag + "pass -> fail")) << out;
    EXPECT_TRUE(contains(out, "FIXED      v/b-gets-fixed" + tag + "fail -> pass")) << out;
    EXPECT_TRUE(contains(out, "ADDED      v/f-added" + tag + "- -> pass")) << out;
    EXPECT_TRUE(contains(out, "REMOVED    v/d-removed" + tag + "pass -> -")) << out;
    EXPECT_TRUE(contains(out, "CHANGED    v/e-changes" + tag + "fail -> fail")) << out;
  }
  EXPECT_TRUE(
      contains(out, "pass -> fail\n      expected fulfilled 4\n      observed fulfilled 40\n"))
      << out;
  EXPECT_TRUE(contains(out,
                       "fail -> fail\n      before: observed fulfilled 5\n      now:    "
                       "observed fulfilled 7\n"))
      << out;
  EXPECT_FALSE(contains(out, "a-stays")) << out;
  EXPECT_TRUE(contains(out, "  duktape                          1       1       1       1       1"))
      << out;
}

TEST_F(BaselineTest, DiffWithoutRegressionsExitsZeroAndWritesMarkdown) {
  run(kBefore, {"--json", "old.json"});
  std::string fixed = kBefore;
  fixed.replace(fixed.find("\"fulfilled\": 3"), 14, "\"fulfilled\": 2");
  run(fixed, {"--json", "new.json"});
  ProcessResult diff = settle({"diff", "old.json", "new.json", "--markdown", "pr.md"}, dir_.path());
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;
  std::string markdown = read_file(dir_.file("pr.md"));
  EXPECT_TRUE(contains(markdown, "### Changes since the baseline")) << markdown;
  EXPECT_TRUE(contains(markdown, "No regressions: 0 regressions, 2 fixes")) << markdown;
  EXPECT_TRUE(contains(markdown, "<details><summary>Fixes (2)</summary>")) << markdown;
  EXPECT_TRUE(contains(markdown, "| <code>v/b-gets-fixed</code> | node | fail | pass |"))
      << markdown;
  EXPECT_TRUE(contains(markdown, "| duktape | 0 | 1 | 0 | 0 | 0 |")) << markdown;
}

TEST_F(BaselineTest, ReportsOfThisVersionDiffCleanlyAgainstThemselves) {
  run(kBefore, {"--json", "old.json"});
  ProcessResult diff = settle({"diff", "old.json", "old.json"}, dir_.path());
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;
  EXPECT_TRUE(contains(diff.out, "0 regressions, 0 fixes, 0 added, 0 removed, 0 changed"))
      << diff.out;
}

TEST_F(BaselineTest, RunWithABaselineFailsOnRegressionsOnly) {
  run(kBefore, {"--json", "old.json"});
  ProcessResult regressed = run(kAfter, {"--baseline", "old.json", "--markdown", "pr.md"});
  EXPECT_EQ(regressed.exit_code, 1) << regressed.out;
  EXPECT_TRUE(contains(regressed.out, "REGRESSION v/c-regresses [node]  pass -> fail"))
      << regressed.out;
  EXPECT_TRUE(contains(regressed.out, "2 regressions, 2 fixes, 2 unexpected failures in"))
      << regressed.out;
  std::string markdown = read_file(dir_.file("pr.md"));
  EXPECT_TRUE(contains(markdown, "**Regressions**: 2 regressions")) << markdown;
  EXPECT_TRUE(contains(markdown,
                       "| <code>v/c-regresses</code> | duktape | pass | fail | "
                       "expected fulfilled 4<br>observed fulfilled 40 |"))
      << markdown;

  // Without c's regression, b and e still fail, but they failed in the baseline too: the gate
  // passes, the fix of b is listed.
  std::string no_regression = kAfter;
  const std::string then40 = ".then(function () { return 40; })";
  no_regression.replace(no_regression.find(then40), then40.size(), "");
  ProcessResult fine = run(no_regression, {"--baseline", "old.json"});
  EXPECT_EQ(fine.exit_code, 0) << fine.out;
  EXPECT_TRUE(contains(fine.out, "FIXED      v/b-gets-fixed [duktape]  fail -> pass")) << fine.out;
  EXPECT_TRUE(contains(fine.out, "0 regressions, 2 fixes in")) << fine.out;
}

TEST_F(BaselineTest, AFilteredRunComparesOnlyTheCasesItSelected) {
  run(kBefore, {"--json", "old.json"});
  ProcessResult filtered = run(kBefore, {"--baseline", "old.json", "--filter", "v/a*"});
  EXPECT_EQ(filtered.exit_code, 0) << filtered.out;
  EXPECT_TRUE(contains(filtered.out, "0 regressions, 0 fixes, 0 added, 0 removed, 0 changed"))
      << "unselected cases are not removed: " << filtered.out;
}

TEST_F(BaselineTest, AReportOfAnotherFormatVersionGetsAClearError) {
  run(kBefore, {"--json", "old.json"});
  json future = read_json(dir_.file("old.json"));
  future["format"] = "settle-report/2";
  dir_.write("future.json", future.dump());
  ProcessResult diff = settle({"diff", "future.json", "old.json"}, dir_.path());
  EXPECT_EQ(diff.exit_code, 2);
  EXPECT_TRUE(std::regex_search(
      diff.err, std::regex(R"(future\.json:1:\d+: format: the report is settle-report/2, which )"
                           R"(this settle \(0\.1\.0\) does not read: it reads settle-report/1)")))
      << diff.err;
  ProcessResult as_baseline = run(kBefore, {"--baseline", "future.json"});
  EXPECT_EQ(as_baseline.exit_code, 2);
  EXPECT_TRUE(contains(as_baseline.err, "settle-report/2")) << as_baseline.err;

  dir_.write("junit.json", R"json({"testsuites": []})json");
  ProcessResult other = settle({"diff", "junit.json", "old.json"}, dir_.path());
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_TRUE(contains(other.err, "junit.json:1:1: format: missing: not a settle JSON report"))
      << other.err;
}

// A report read back is the user's input like a case file: what is wrong in it is named by
// file:line:column and field, for --baseline, diff and merge alike, and nothing runs.
TEST_F(BaselineTest, AMalformedReportNamesFileLineColumnAndField) {
  run(kBefore, {"--json", "old.json"});
  dir_.write("wrong-type.json", R"json({
  "format": "settle-report/1",
  "results": [
    {"id": "v/a-stays", "engine": "duktape", "status": "pass"},
    {"id": "v/c-regresses", "engine": "duktape", "status": 3}
  ]
})json");
  dir_.write("bad-syntax.json", "{\n  \"format\": \"settle-report/1\",\n  \"results\": [}");
  struct Broken {
    std::string file;
    std::string says;
  };
  for (const Broken& broken : std::vector<Broken>{
           {"wrong-type.json", "wrong-type.json:5:50: results[1].status: must be a string"},
           {"bad-syntax.json", "bad-syntax.json:3:15: invalid JSON: "},
       }) {
    SCOPED_TRACE(broken.file);
    ProcessResult baseline = run(kBefore, {"--baseline", broken.file, "--json", "new.json"});
    EXPECT_EQ(baseline.exit_code, 2) << baseline.err;
    EXPECT_TRUE(contains(baseline.err, "settle: " + broken.says)) << baseline.err;
    EXPECT_FALSE(std::filesystem::exists(dir_.file("new.json"))) << "nothing ran";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"diff", broken.file, "old.json"},
             {"merge", "old.json", broken.file, "-o", "m.json"}}) {
      ProcessResult result = settle(args, dir_.path());
      EXPECT_EQ(result.exit_code, 2) << args[0] << ": " << result.err;
      EXPECT_TRUE(contains(result.err, "settle: " + broken.says)) << args[0] << ": " << result.err;
    }
  }
}

TEST_F(BaselineTest, AnOlderMinimalReportWithExtraFieldsStillLoads) {
  // The shape of the first settle-report/1 writers: no settings, load_errors or descriptions,
  // plus fields this version does not know.
  dir_.write("old.json", R"json({
    "format": "settle-report/1", "settle_version": "0.0.9", "started": "2025-01-01T00:00:00Z",
    "complete": true, "ci_job": 42,
    "summary": {"duktape": {"pass": 1, "fail": 1, "skip": 0, "timeout": 0, "error": 0, "total": 2}},
    "results": [
      {"id": "v/a-stays", "file": "cases/v.json", "engine": "duktape", "status": "fail",
       "expected": {"fulfilled": 1}, "observed": {"state": "rejected", "value": 1, "log": []},
       "duration_ms": 1.5, "message": "expected fulfilled 1", "flaky_score": 0.3},
      {"id": "v/c-regresses", "engine": "duktape", "status": "pass"}
    ]})json");
  run(kAfter, {"--json", "new.json"});
  ProcessResult diff = settle({"diff", "old.json", "new.json"}, dir_.path());
  EXPECT_EQ(diff.exit_code, 1) << diff.out << diff.err;
  EXPECT_TRUE(contains(diff.out, "REGRESSION v/c-regresses [duktape]  pass -> fail")) << diff.out;
  EXPECT_TRUE(contains(diff.out, "FIXED      v/a-stays [duktape]  fail -> pass")) << diff.out;
  EXPECT_TRUE(contains(diff.out, "engine node is only in new.json: not compared")) << diff.out;
}

}  // namespace
}  // namespace settle::testing
