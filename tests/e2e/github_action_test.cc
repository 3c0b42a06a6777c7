// End-to-end test of action.yml's steps, run as the script action/run.sh with GitHub's variables
// set to temporary files: what lands in $GITHUB_OUTPUT, the job summary, the annotations, the
// reports, and the exit status, with and without an expectations file.
#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

const char* const kCases = R"json({"cases": [
  {"id": "passes", "code": "Promise.resolve(2).finally(function () { return 77; })",
   "expect": {"fulfilled": 2}},
  {"id": "fails", "code": "Promise.resolve(2)", "expect": {"fulfilled": 3}}
]})json";

const char* const kKnownFailure = R"json({"format": "settle-expectations/1", "engines": {
  "duktape": {"area/file/fails": {"status": "fail", "reason": "a wrong expectation"}}}})json";

class GitHubAction : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("cases/area/file.json", kCases);
    dir_.write("known.json", kKnownFailure);
    dir_.write("output", "");
    dir_.write("summary.md", "");
  }
  ProcessResult run_action(const std::vector<std::string>& inputs) {
    std::vector<std::string> env = {"GITHUB_ACTIONS=true",
                                    "GITHUB_ACTION_PATH=" + std::string(SETTLE_SOURCE_DIR),
                                    "GITHUB_OUTPUT=" + dir_.file("output"),
                                    "GITHUB_STEP_SUMMARY=" + dir_.file("summary.md"),
                                    "GITHUB_WORKSPACE=" + dir_.path(),
                                    "SETTLE_BINARY=" + settle_binary(),
                                    "SETTLE_PATHS=cases",
                                    "SETTLE_ENGINES=duktape"};
    env.insert(env.end(), inputs.begin(), inputs.end());
    return run_process({std::string(SETTLE_SOURCE_DIR) + "/action/run.sh"}, dir_.path(), env);
  }
  TempDir dir_;
};

TEST_F(GitHubAction, AnUnexpectedFailureFailsTheStepAnnotatesItAndNamesTheReports) {
  ProcessResult run = run_action({"SETTLE_REPORT_DIR=out"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_EQ(read_file(dir_.file("output")),
            "json=out/settle.json\njunit=out/settle.xml\nmarkdown=out/settle.md\n"
            "html=out/settle.html\nexit-code=1\n");
  EXPECT_TRUE(contains(run.out, "::error file=cases/area/file.json,line=4,title=area/file/fails"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "::group::Install engines: duktape")) << run.out;
  std::string summary = read_file(dir_.file("summary.md"));
  EXPECT_TRUE(contains(summary, "## settle results")) << summary;
  EXPECT_TRUE(contains(summary, "area/file/fails")) << summary;
  json report = read_json(dir_.file("out/settle.json"));
  EXPECT_EQ(report["results"].size(), 2u);
  EXPECT_TRUE(contains(read_file(dir_.file("out/settle.xml")), "name=\"fails\""));
  EXPECT_TRUE(contains(read_file(dir_.file("out/settle.html")), "area/file/fails"));
}

TEST_F(GitHubAction, AKnownFailurePassesTheStepAndExtraArgumentsReachSettle) {
  ProcessResult run = run_action(
      {"SETTLE_EXPECTATIONS=known.json", "SETTLE_ARGS=--filter area/file/* --timeout 3000"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(contains(read_file(dir_.file("output")), "exit-code=0\n"));
  EXPECT_FALSE(contains(run.out, "::error")) << run.out;
  json report = read_json(dir_.file("settle-reports/settle.json"));
  EXPECT_EQ(report["settings"]["timeout_ms"], "3000") << report["settings"].dump();
}

TEST_F(GitHubAction, AShardRunsOnlyItsShare) {
  ProcessResult run = run_action({"SETTLE_SHARD=2/2", "SETTLE_EXPECTATIONS=known.json"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(read_json(dir_.file("settle-reports/settle.json"))["results"].size(), 1u);
}

}  // namespace
}  // namespace settle::testing
