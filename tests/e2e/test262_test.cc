// End-to-end tests of test262 support: settle runs the miniature checkout in tests/test262 (its
// own fixtures for every flag, include path, negative phase and async outcome) on duktape and
// node, and each run's verdict in the JSON report is the one INTERPRETING.md asks for.
#include <map>
#include <set>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

const std::string kCheckout = std::string(SETTLE_SOURCE_DIR) + "/tests/test262";

struct Expected {
  const char* id;
  const char* duktape;
  const char* node;
  const char* message;  // a part of the message on both engines; "" for none
};

const Expected kVerdicts[] = {
    {"test/flags/plain.js#default", "pass", "pass", ""},
    {"test/flags/plain.js#strict", "pass", "pass", ""},
    {"test/flags/sloppy-assignment.js#default", "pass", "pass", ""},
    {"test/flags/sloppy-assignment.js#strict", "fail", "fail", "it threw ReferenceError"},
    {"test/flags/only-strict.js#strict", "pass", "pass", ""},
    {"test/flags/no-strict.js#default", "pass", "pass", ""},
    {"test/flags/raw.js#default", "pass", "pass", ""},
    {"test/flags/can-block-is-false.js#default", "skip", "skip", "CanBlockIsFalse"},
    {"test/flags/can-block-is-false.js#strict", "skip", "skip", "CanBlockIsFalse"},
    {"test/flags/can-block-is-true.js#default", "pass", "pass", ""},
    {"test/flags/can-block-is-true.js#strict", "pass", "pass", ""},
    {"test/flags/module-code.js#default", "skip", "pass", ""},
    {"test/flags/fails.js#default", "fail", "fail", "Test262Error: Expected SameValue(1, 2)"},
    {"test/flags/fails.js#strict", "fail", "fail", "one is not two"},
    {"test/flags/features-arrow.js#default", "skip", "pass", ""},
    {"test/flags/features-arrow.js#strict", "skip", "pass", ""},
    {"test/async/complete.js#default", "pass", "pass", ""},
    {"test/async/complete.js#strict", "pass", "pass", ""},
    {"test/async/failure.js#default", "fail", "fail",
     "the async test failed: Test262Error: rejected on purpose"},
    {"test/async/never-completes.js#default", "timeout", "timeout", ""},
    {"test/async/prints-nothing.js#default", "fail", "fail", "never signalled completion"},
    {"test/async/prints-nothing.js#strict", "fail", "fail", "never signalled completion"},
    {"test/async/throws-synchronously.js#default", "fail", "fail", "thrown before $DONE"},
    {"test/async/unhandled-rejection.js#default", "pass", "pass", ""},
    {"test/async/unhandled-rejection.js#strict", "pass", "pass", ""},
    {"test/negative/parse-syntax-error.js#default", "pass", "pass", ""},
    {"test/negative/parse-syntax-error.js#strict", "pass", "pass", ""},
    {"test/negative/parse-but-runtime.js#default", "fail", "fail",
     "expected a SyntaxError in the parse phase; it parsed, then threw SyntaxError"},
    {"test/negative/runtime-reference-error.js#default", "pass", "pass", ""},
    {"test/negative/runtime-reference-error.js#strict", "pass", "pass", ""},
    {"test/negative/runtime-wrong-type.js#default", "fail", "fail", "it threw TypeError"},
    {"test/negative/runtime-but-parse.js#default", "fail", "fail", "it did not parse"},
    {"test/negative/runtime-no-throw.js#default", "fail", "fail", "it ran to completion"},
    {"test/negative/runtime-test262-error.js#default", "pass", "pass", ""},
    {"test/negative/resolution.js#default", "skip", "pass", ""},
    // Module code and import() on node (vm modules), engine262 and QuickJS; Duktape runs neither.
    {"test/modules/one-instance.js#default", "skip", "pass", ""},
    {"test/modules/top-level-await-fulfils.js#default", "skip", "pass", ""},
    {"test/modules/top-level-await-rejects.js#default", "skip", "fail", ""},
    {"test/modules/parse-duplicate-export.js#default", "skip", "pass", ""},
    {"test/modules/outside-the-folder.js#default", "skip", "fail", ""},
    {"test/modules/dynamic-import.js#default", "skip", "pass", ""},
    {"test/modules/dynamic-import.js#strict", "skip", "pass", ""},
    {"test/modules/dynamic-import-outside.js#default", "skip", "pass", ""},
    {"test/modules/dynamic-import-outside.js#strict", "skip", "pass", ""},
    {"test/includes/listed.js#default", "pass", "pass", ""},
    {"test/includes/listed.js#strict", "pass", "pass", ""},
    {"test/includes/block-list.js#default", "pass", "pass", ""},
    {"test/includes/harness-throws.js#default", "fail", "fail",
     "the harness did not load: throws-on-load.js threw Test262Error"},
    {"test/host/global.js#default", "pass", "pass", ""},
    {"test/host/eval-script.js#default", "pass", "pass", ""},
    {"test/host/eval-script.js#strict", "pass", "pass", ""},
    {"test/host/create-realm.js#default", "skip", "pass", ""},
    {"test/host/agent.js#default", "skip", "skip", "requires $262.agent"},
};

class Test262Test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!engine_available("node")) return;
    dir_ = new TempDir();
    // Found without --test262-dir: the checkout's root is the nearest folder above the tests
    // that holds harness/assert.js and test/.
    run_ = new ProcessResult(
        settle({"run", kCheckout + "/test", "-e", "duktape", "-e", "node", "--timeout", "1000",
                "--json", dir_->file("r.json"), "--junit", dir_->file("r.xml")}));
    report_ = new json(read_json(dir_->file("r.json")));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete report_;
    delete dir_;
    run_ = nullptr;
    report_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!run_) GTEST_SKIP() << "node is not installed";
  }

  static const json* record(const std::string& id, const std::string& engine) {
    for (const json& result : (*report_)["results"]) {
      if (result["id"] == id && result["engine"] == engine) return &result;
    }
    return nullptr;
  }

  // Made by the suite, not when the program starts: every test of this binary is a process of
  // its own under CTest, and a folder made at start-up would be left by each (issue 23).
  static inline TempDir* dir_ = nullptr;
  static inline ProcessResult* run_ = nullptr;
  static inline json* report_ = nullptr;
};

TEST_F(Test262Test, EveryRunGetsTheVerdictInterpretingAsksFor) {
  for (const Expected& expected : kVerdicts) {
    for (const auto& [engine, status] : std::map<std::string, std::string>{
             {"duktape", expected.duktape}, {"node", expected.node}}) {
      const json* result = record(expected.id, engine);
      ASSERT_NE(result, nullptr) << expected.id << " on " << engine << " is not in the report";
      EXPECT_EQ((*result)["status"], status)
          << expected.id << " on " << engine << ": " << (*result)["message"];
      if (status == expected.duktape && status == expected.node) {
        EXPECT_TRUE(contains((*result)["message"], expected.message))
            << expected.id << " on " << engine << ": " << (*result)["message"];
      }
    }
  }
}

TEST_F(Test262Test, FlagsDecideWhichRunsThereAre) {
  EXPECT_EQ(record("test/flags/only-strict.js#default", "node"), nullptr);
  EXPECT_EQ(record("test/flags/no-strict.js#strict", "node"), nullptr);
  EXPECT_EQ(record("test/flags/raw.js#strict", "node"), nullptr);
  EXPECT_EQ(record("test/flags/module-code.js#strict", "node"), nullptr);
  // A _FIXTURE file is imported by module tests; it is never a test of its own.
  for (const json& result : (*report_)["results"]) {
    EXPECT_FALSE(contains(result["id"], "_FIXTURE")) << result["id"];
  }
  EXPECT_EQ((*report_)["results"].size(), 2u * 66u);
}

// Module code fails in the phase it fails in: a rejected top-level await at run time, a specifier
// that leaves the test's folder at resolution (never a file read), a missing binding too.
TEST_F(Test262Test, ModuleCodeIsJudgedByThePhaseItFailsIn) {
  const json* rejected = record("test/modules/top-level-await-rejects.js#default", "node");
  ASSERT_NE(rejected, nullptr);
  EXPECT_TRUE(contains((*rejected)["message"], "it threw Test262Error: rejected at the top level"))
      << (*rejected)["message"];
  const json* outside = record("test/modules/outside-the-folder.js#default", "node");
  ASSERT_NE(outside, nullptr);
  EXPECT_TRUE(contains((*outside)["message"], "it did not link"));
  EXPECT_TRUE(contains((*outside)["message"], "in the test's folder")) << (*outside)["message"];
  EXPECT_EQ((*outside)["observed"]["resolution_error"], true);
  const json* resolution = record("test/negative/resolution.js#default", "node");
  ASSERT_NE(resolution, nullptr);
  EXPECT_EQ((*resolution)["expected"]["phase"], "resolution");
  EXPECT_EQ((*resolution)["observed"]["resolution_error"], true);
  const json* parse = record("test/modules/parse-duplicate-export.js#default", "node");
  ASSERT_NE(parse, nullptr);
  EXPECT_EQ((*parse)["observed"]["parse_error"], true);
}

TEST_F(Test262Test, ARunThatFailsFailsTheGate) { EXPECT_EQ(run_->exit_code, 1) << run_->err; }

TEST_F(Test262Test, TheReportSaysHowEachRunWasJudged) {
  const json* negative = record("test/negative/parse-syntax-error.js#default", "duktape");
  ASSERT_NE(negative, nullptr);
  EXPECT_EQ((*negative)["expected"]["throws"], json({{"$error", "SyntaxError"}}));
  EXPECT_EQ((*negative)["expected"]["phase"], "parse");
  EXPECT_EQ((*negative)["observed"]["parse_error"], true);
  const json* async = record("test/async/complete.js#default", "node");
  ASSERT_NE(async, nullptr);
  EXPECT_EQ((*async)["expected"]["print"], "Test262:AsyncTestComplete");
  EXPECT_EQ((*async)["observed"]["printed"], "Test262:AsyncTestComplete\n");
  const json* harness = record("test/includes/harness-throws.js#default", "node");
  ASSERT_NE(harness, nullptr);
  EXPECT_TRUE(contains((*harness)["observed"]["harness_error"], "throws-on-load.js"));
}

TEST_F(Test262Test, TheJUnitReportNamesTheRuns) {
  std::string junit = read_file(dir_->file("r.xml"));
  // One test class per test262 file and engine; one test case per run (default, strict).
  EXPECT_TRUE(contains(junit,
                       "<testcase classname=\"node.test/negative/parse-but-runtime.js\" "
                       "name=\"strict\""))
      << junit;
  ProcessResult lint = run_process({"xmllint", "--noout", dir_->file("r.xml")});
  EXPECT_EQ(lint.exit_code, 0) << lint.err;
}

// Every process engine gives each run node's verdict (the parse-phase check, async $DONE, $262),
// except that it skips a run needing a $262 part or a feature it lacks, or module code where it
// runs none. kModuleEngines run module code and import() through settle's module map, as node does.
class Test262OnEveryEngine : public ::testing::TestWithParam<std::string> {};

TEST_P(Test262OnEveryEngine, VerdictsAreNodesButWhatTheEngineLacksIsSkipped) {
  if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  TempDir dir;
  ProcessResult run = settle({"run", kCheckout + "/test", "-e", GetParam(), "--timeout", "1000",
                              "-j", "2", "--json", dir.file("r.json")});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  json report = read_json(dir.file("r.json"));
  for (const Expected& expected : kVerdicts) {
    const json* result = result_of(report, expected.id);
    ASSERT_NE(result, nullptr) << expected.id << " is not in the report";
    std::string message = (*result)["message"];
    bool no_modules =
        !kModuleEngines.count(GetParam()) && (contains(message, "module code, which") ||
                                              contains(message, "import() of the test's modules"));
    bool lacks = (*result)["status"] == "skip" && std::string(expected.node) != "skip" &&
                 (contains(message, "requires $262.") || contains(message, "requires feature") ||
                  no_modules);
    if (!lacks) {
      EXPECT_EQ((*result)["status"], expected.node) << expected.id << ": " << message;
    }
    if (!lacks && std::string(expected.duktape) == expected.node) {
      EXPECT_TRUE(contains(message, expected.message)) << expected.id << ": " << message;
    }
  }
  if (!kModuleEngines.count(GetParam())) return;
  // Each module verdict in its phase, as on node.
  for (const auto& [id, observed] : std::map<std::string, std::string>{
           {"test/modules/outside-the-folder.js#default", "resolution_error"},
           {"test/negative/resolution.js#default", "resolution_error"},
           {"test/modules/parse-duplicate-export.js#default", "parse_error"}}) {
    for (const json& item : report["results"]) {
      if (item["id"] == id) {
        EXPECT_EQ(item["observed"][observed], true) << id << ": " << item;
      }
    }
  }
}

// Module code fails in the phase it fails in on every engine that runs it, as on node.
TEST_P(Test262OnEveryEngine, ModuleCodeFailsInThePhaseItFailsIn) {
  if (!kModuleEngines.count(GetParam())) GTEST_SKIP() << GetParam() << " runs no module code";
  if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
  TempDir dir;
  settle({"run", kCheckout + "/test/modules", kCheckout + "/test/negative/resolution.js", "-e",
          GetParam(), "--timeout", "1000", "--json", dir.file("r.json")});
  json report = read_json(dir.file("r.json"));
  const json* rejected = result_of(report, "test/modules/top-level-await-rejects.js#default");
  ASSERT_NE(rejected, nullptr);
  EXPECT_TRUE(contains((*rejected)["message"], "it threw Test262Error: rejected at the top level"))
      << (*rejected)["message"];
  const json* outside = result_of(report, "test/modules/outside-the-folder.js#default");
  ASSERT_NE(outside, nullptr);
  EXPECT_TRUE(contains((*outside)["message"], "in the test's folder")) << (*outside)["message"];
  EXPECT_EQ((*outside)["observed"]["resolution_error"], true);
  const json* resolution = result_of(report, "test/negative/resolution.js#default");
  ASSERT_NE(resolution, nullptr);
  EXPECT_EQ((*resolution)["observed"]["resolution_error"], true) << (*resolution)["message"];
  const json* parse = result_of(report, "test/modules/parse-duplicate-export.js#default");
  ASSERT_NE(parse, nullptr);
  EXPECT_EQ((*parse)["observed"]["parse_error"], true) << (*parse)["message"];
}

INSTANTIATE_TEST_SUITE_P(Shells, Test262OnEveryEngine, ::testing::ValuesIn(kProcessProfiles),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

// A browser runs module code and import() through the page's own module loader, which fetches
// the test's folder from the origin that settle serves it from: each verdict as on node, in its
// phase; a specifier that leaves the folder is refused (the browser words that error itself).
TEST(Test262InBrowsers, ModuleCodeRunsThroughThePagesLoaderInItsPhase) {
  for (const std::string engine : {"chromium", "firefox", "webkitgtk"}) {
    SCOPED_TRACE(engine);
    if (!engine_available(engine)) continue;
    TempDir dir;
    settle({"run", kCheckout + "/test/modules", kCheckout + "/test/negative/resolution.js", "-e",
            engine, "--timeout", "3000", "--json", dir.file("r.json")});
    json report = read_json(dir.file("r.json"));
    for (const auto& [id, status] : std::map<std::string, std::string>{
             {"test/modules/one-instance.js#default", "pass"},
             {"test/modules/top-level-await-fulfils.js#default", "pass"},
             {"test/modules/top-level-await-rejects.js#default", "fail"},
             {"test/modules/parse-duplicate-export.js#default", "pass"},
             {"test/modules/outside-the-folder.js#default", "fail"},
             {"test/modules/dynamic-import.js#default", "pass"},
             {"test/modules/dynamic-import.js#strict", "pass"},
             {"test/modules/dynamic-import-outside.js#default", "pass"},
             {"test/negative/resolution.js#default", "pass"}}) {
      const json* result = result_of(report, id);
      ASSERT_NE(result, nullptr) << id;
      EXPECT_EQ((*result)["status"], status) << id << ": " << (*result)["message"];
    }
    const json* rejected = result_of(report, "test/modules/top-level-await-rejects.js#default");
    EXPECT_TRUE(
        contains((*rejected)["message"], "it threw Test262Error: rejected at the top level"))
        << (*rejected)["message"];
    for (const auto& [id, observed] : std::map<std::string, std::string>{
             {"test/modules/outside-the-folder.js#default", "resolution_error"},
             {"test/negative/resolution.js#default", "resolution_error"},
             {"test/modules/parse-duplicate-export.js#default", "parse_error"}}) {
      EXPECT_EQ((*result_of(report, id))["observed"][observed], true) << id;
    }
  }
}

TEST(Test262Input, ABrokenFrontMatterIsAnInputErrorAtItsPlace) {
  ProcessResult result = settle({"run", kCheckout + "/malformed", "--quiet"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  std::string all = result.out + result.err;
  EXPECT_TRUE(contains(all, "malformed/bad-yaml.js:5:1: the front matter is not valid YAML"))
      << all;
  EXPECT_TRUE(contains(
      all, "malformed/bad-negative.js:4:10: negative.phase: must be parse, resolution or runtime"))
      << all;
  EXPECT_TRUE(contains(all,
                       "malformed/missing-include.js:3:12: includes[0]: harness file "
                       "no-such-file.js not found"))
      << all;
}

TEST(Test262Input, ATest262DirThatIsNoCheckoutIsBadUsage) {
  TempDir dir;
  dir.write("t.js", "/*---\ndescription: x\n---*/\n");
  ProcessResult result = settle({"run", dir.file("t.js"), "--test262-dir", dir.path(), "-q"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_TRUE(contains(result.out + result.err, "not a test262 checkout")) << result.out;
}

TEST(Test262Input, AScriptWithoutFrontMatterIsNoTestUnlessNamed) {
  TempDir dir;
  dir.write("cases/helper.js", "var notATest = 1;\n");
  dir.write("cases/a.json", R"({"cases": [{"id": "a", "code": "1", "expect": {"returns": 1}}]})");
  ProcessResult folder = settle({"run", "cases", "-q"}, dir.path());
  EXPECT_EQ(folder.exit_code, 0) << folder.out << folder.err;
  ProcessResult named = settle({"run", "cases/helper.js", "-q"}, dir.path());
  EXPECT_EQ(named.exit_code, 2) << named.out << named.err;
  EXPECT_TRUE(contains(named.out + named.err, "not a test262 test")) << named.out;
}

TEST(Test262Input, AGivenCheckoutNamesTheHarnessFolder) {
  ProcessResult result = settle({"list", kCheckout + "/test/includes", "--test262-dir", kCheckout});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "test/includes/listed.js#strict")) << result.out;
}

}  // namespace
}  // namespace settle::testing
