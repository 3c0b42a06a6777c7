// End-to-end tests of `settle repro`: for every installed engine with a shell of its own, the
// repro of a passing case and of failing ones, run in that shell with no settle and no driver,
// prints the observation that settle's JSON report holds for that case.
#include <filesystem>
#include <sstream>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

const char* const kReproCases = R"json({"cases": [
  {"id": "passes", "code": "$log('a'); Promise.resolve(2).finally(function () { $log('f'); return 77; })",
   "expect": {"fulfilled": 2, "log": ["a", "f"]}},
  {"id": "fails", "code": "var t = 0; setTimeout(function () { $log('timer'); }, 5); Promise.reject(new TypeError('no'))",
   "expect": {"fulfilled": 3}}
]})json";

// Real engine bugs, as docs/results.md lists them: each engine's repro shows its own difference.
const std::map<std::string, std::string> kEngineBugs = {
    {"bun", "await/ticks/thenable-resolving-with-native-promise-four-ticks"},
    {"hermes", "finally/ordering/fulfilled-takes-three-extra-jobs"},
    {"jsc", "withResolvers/withResolvers/result-shape"},
};

std::vector<std::string> repro_profiles() {
  std::vector<std::string> profiles = engine_profiles();
  profiles.push_back("duktape+bluebird");
  profiles.push_back("node-current+rsvp");
  return profiles;
}

bool has_own_shell(const std::string& engine) {
  return engine != "quickjs" && engine != "quickjs-ng" && engine != "engine262";
}

// The words of the script's "Run it with:" line.
std::vector<std::string> run_command(const std::string& script) {
  std::string marker = "// Run it with: ";
  std::size_t at = script.find(marker) + marker.size();
  std::istringstream words(script.substr(at, script.find('\n', at) - at));
  std::vector<std::string> command;
  for (std::string word; words >> word;) command.push_back(word);
  return command;
}

class Repro : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  }
};

TEST_P(Repro, TheShellPrintsTheObservationOfTheReport) {
  const std::string engine = GetParam();
  TempDir dir;
  dir.write("cases/repro.json", kReproCases);
  std::vector<std::string> ids = {"repro/passes", "repro/fails"};
  std::vector<std::string> paths = {"cases"};
  auto bug = kEngineBugs.find(engine);
  if (bug != kEngineBugs.end()) {
    ids.push_back(bug->second);
    paths.push_back(std::string(SETTLE_SOURCE_DIR) + "/cases");
  }
  std::vector<std::string> args = {"run", "-e", engine, "--json", "r.json"};
  args.insert(args.end(), paths.begin(), paths.end());
  for (const std::string& id : ids) {
    args.push_back("--filter");
    args.push_back(id);
  }
  ProcessResult run = settle(args, dir.path());
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  json report = read_json(dir.file("r.json"));
  for (const std::string& id : ids) {
    SCOPED_TRACE(id);
    std::vector<std::string> repro_args = {"repro", id, "-e", engine, "-o", "repro.js"};
    repro_args.insert(repro_args.end(), paths.begin(), paths.end());
    ProcessResult written = settle(repro_args, dir.path());
    if (!has_own_shell(engine)) {
      EXPECT_EQ(written.exit_code, 2);
      EXPECT_TRUE(contains(written.err, "no shell of its own")) << written.err;
      continue;
    }
    ASSERT_EQ(written.exit_code, 0) << written.err;
    std::vector<std::string> command = run_command(read_file(dir.file("repro.js")));
    ASSERT_FALSE(command.empty());
    ProcessResult shell = run_process(command, dir.path());
    std::string line = shell.out.substr(0, shell.out.find('\n'));
    json printed = json::parse(line, nullptr, false);
    ASSERT_FALSE(printed.is_discarded()) << shell.out << shell.err;
    json observed;
    for (const json& result : report["results"]) {
      if (result["id"] == id) observed = result["observed"];
    }
    ASSERT_TRUE(observed.is_object()) << report.dump().substr(0, 1000);
    EXPECT_EQ(printed["state"], observed["state"]) << line;
    EXPECT_EQ(printed.value("value", json()), observed.value("value", json())) << line;
    EXPECT_EQ(printed["log"], observed.value("log", json::array())) << line;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryShell, Repro, ::testing::ValuesIn(repro_profiles()),
                         profile_test_name);

// --repro-dir writes a script for each unexpected failure only: not for a pass, nor for a failure
// the expectations list; the script replays the failure in node.
TEST(ReproDir, WritesAScriptForEachUnexpectedFailure) {
  if (!engine_available("node")) GTEST_SKIP() << "node is not installed";
  TempDir dir;
  dir.write("cases/repro.json", kReproCases);
  dir.write("cases/more.json", R"json({"cases": [
    {"id": "known", "code": "Promise.resolve(1)", "expect": {"fulfilled": 0}}]})json");
  dir.write("known.json", R"json({"format": "settle-expectations/1", "engines": {
    "node": {"more/known": {"status": "fail"}}}})json");
  ProcessResult run = settle({"run", "cases", "-e", "node", "--expectations", "known.json",
                              "--repro-dir", "repros", "--json", "r.json"},
                             dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  std::vector<std::string> written;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("repros")))
    written.push_back(entry.path().filename().string());
  ASSERT_EQ(written, std::vector<std::string>{"repro__fails.node.js"});
  std::string script = read_file(dir.file("repros/repro__fails.node.js"));
  EXPECT_TRUE(contains(script, "// settle observed (fail): ")) << script.substr(0, 600);
  ProcessResult shell = run_process(run_command(script), dir.file("repros"));
  json printed = json::parse(shell.out.substr(0, shell.out.find('\n')), nullptr, false);
  ASSERT_FALSE(printed.is_discarded()) << shell.out << shell.err;
  EXPECT_EQ(printed["state"], "rejected");
  EXPECT_EQ(printed["log"], json::array({"timer"}));
}

TEST(ReproCommand, AnIdThatNamesSeveralRunsIsRefusedWithTheListAndAnUnknownOneGetsASuggestion) {
  TempDir dir;
  dir.write("cases/repro.json", kReproCases);
  ProcessResult several = settle({"repro", "repro/*", "-e", "duktape"}, dir.path());
  EXPECT_EQ(several.exit_code, 2);
  EXPECT_TRUE(contains(several.err, "names 2 runs")) << several.err;
  EXPECT_TRUE(contains(several.err, "  repro/fails\n")) << several.err;
  ProcessResult unknown = settle({"repro", "repro/pases", "-e", "duktape"}, dir.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.err, "did you mean \"repro/passes\"")) << unknown.err;
}

}  // namespace
}  // namespace settle::testing
