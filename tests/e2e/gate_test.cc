// End-to-end tests of the CI gate: the expectations file (known failures), unexpected passes and
// failures, stale entries, --update-expectations, on real runs of duktape and node.
#include <filesystem>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

class GateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!engine_available("node")) GTEST_SKIP() << "node is not installed";
    dir_.write("cases/mixed.json", kMixedCases);
  }
  ProcessResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"run", "cases", "-e", "duktape", "-e", "node"});
    return settle(args, dir_.path());
  }
  TempDir dir_;
};

// Lists every failure of the mixed corpus: b fails on both engines, c on duktape.
const char* const kAllKnown = R"json(// known failures
{
  "format": "settle-expectations/1",
  "engines": {
    "duktape": {
      "mixed/b-agree-fail": {"status": "fail", "reason": "the case is wrong on purpose"},
      /* ES2023 */ "mixed/c-to-sorted": {"status": "fail"}
    },
    "node": {
      "mixed/b-agree-fail": {"status": "fail"}
    }
  }
})json";

TEST_F(GateTest, WithoutExpectationsEveryFailureFailsTheRun) {
  ProcessResult result = run({"--json", "r.json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  json report = read_json(dir_.file("r.json"));
  EXPECT_EQ(status_in(report, "mixed/c-to-sorted", "duktape"), "fail");
  EXPECT_EQ(status_in(report, "mixed/c-to-sorted", "node"), "pass");
}

TEST_F(GateTest, KnownFailuresPassTheGate) {
  dir_.write("known.json", kAllKnown);
  ProcessResult result = run({"--expectations", "known.json", "--json", "r.json"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "XFAIL mixed/b-agree-fail [duktape]  fail: the case is wrong"))
      << result.out;
  EXPECT_FALSE(contains(result.out, "FAIL mixed/c-to-sorted [duktape]  (")) << result.out;
  EXPECT_TRUE(contains(result.out,
                       "settle: 5 passed, 3 failed, 0 skipped, 0 timed out, 0 "
                       "errors, 3 known failures in "))
      << result.out;
  json report = read_json(dir_.file("r.json"));
  EXPECT_EQ(report["settings"]["expectations"], "known.json");
  for (const json& record : report["results"]) {
    if (record["status"] == "fail") {
      EXPECT_TRUE(record.contains("known_failure")) << record;
    }
  }
}

TEST_F(GateTest, AnUnlistedFailureFailsTheGateAndIsNamed) {
  dir_.write("known.json", R"json({"format": "settle-expectations/1", "engines": {
    "duktape": {"mixed/b-agree-fail": {"status": "fail"}, "mixed/c-to-sorted": {"status": "fail"}}}})json");
  ProcessResult result = run({"--expectations", "known.json"});
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_TRUE(contains(result.out, "gate FAILED:")) << result.out;
  EXPECT_TRUE(contains(result.out,
                       "unexpected failure mixed/b-agree-fail [node]  fail (not in the "
                       "expectations): expected fulfilled 3"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "1 unexpected failure in")) << result.out;
}

TEST_F(GateTest, AStatusOtherThanTheListedOneIsUnexpected) {
  dir_.write("known.json", R"json({"format": "settle-expectations/1", "engines": {
    "duktape": {"mixed/b-agree-fail": {"status": "timeout"}, "mixed/c-to-sorted": {"status": "fail"}},
    "node": {"mixed/b-agree-fail": {"status": "fail"}}}})json");
  ProcessResult result = run({"--expectations", "known.json"});
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_TRUE(contains(result.out,
                       "unexpected failure mixed/b-agree-fail [duktape]  fail, listed as "
                       "timeout"))
      << result.out;
}

TEST_F(GateTest, AnUnexpectedPassIsReportedAndFailsOnlyWhenStrict) {
  std::string known = kAllKnown;
  known.replace(known.find("\"node\": {"), 9,
                "\"node\": {\"mixed/a-agree-pass\": {\"status\": \"fail\", \"reason\": \"was "
                "broken\"},");
  dir_.write("known.json", known);
  ProcessResult lenient = run({"--expectations", "known.json"});
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out;
  EXPECT_TRUE(contains(lenient.out,
                       "unexpected pass    mixed/a-agree-pass [node]  passes, listed as fail: "
                       "was broken"))
      << lenient.out;
  EXPECT_TRUE(contains(lenient.out, ", 1 unexpected pass in")) << lenient.out;

  ProcessResult strict = run({"--expectations", "known.json", "--strict-expectations"});
  EXPECT_EQ(strict.exit_code, 1) << strict.out;
  EXPECT_TRUE(contains(strict.out, "gate FAILED:")) << strict.out;
}

TEST_F(GateTest, EntriesForCasesThatNoLongerExistAreReported) {
  std::string known = kAllKnown;
  known.replace(known.find("\"node\": {"), 9,
                "\"node\": {\"mixed/gone\": {\"status\": \"error\"},");
  known.replace(known.find("\"engines\": {"), 12,
                "\"engines\": {\"not-running\": {\"x/y\": {\"status\": \"fail\"}},");
  dir_.write("known.json", known);
  ProcessResult lenient = run({"--expectations", "known.json", "--filter", "mixed/a*"});
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out;
  EXPECT_TRUE(contains(lenient.out,
                       "stale entry        mixed/gone [node]  listed as error, no "
                       "such case"))
      << lenient.out;
  EXPECT_FALSE(contains(lenient.out, "mixed/b-agree-fail [duktape]  listed"))
      << "filtered out is not gone: " << lenient.out;
  EXPECT_FALSE(contains(lenient.out, "x/y")) << "an engine that did not run: " << lenient.out;
  EXPECT_EQ(run({"--expectations", "known.json", "--strict-expectations"}).exit_code, 1);
}

TEST_F(GateTest, UpdateExpectationsWritesAFileThatMakesTheGatePass) {
  ProcessResult first = run({"--update-expectations", "known.json"});
  EXPECT_EQ(first.exit_code, 1) << "the run itself still fails: " << first.out;
  std::string text = read_file(dir_.file("known.json"));
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.rfind("//", 0), 0u) << "starts with a comment: " << text;
  EXPECT_TRUE(contains(text, R"("mixed/c-to-sorted": {
        "reason": "expected returns \"function\"",
        "status": "fail")"))
      << text;
  ProcessResult second = run({"--expectations", "known.json", "--strict-expectations"});
  EXPECT_EQ(second.exit_code, 0) << second.out;
  EXPECT_TRUE(contains(second.out, "3 known failures")) << second.out;
}

// --maxfail N, as pytest's: after the Nth unexpected failure no job starts; the reports hold
// what ran and say the run is not complete; the gate still judges it.
TEST_F(GateTest, MaxfailStopsAfterTheNthUnexpectedFailure) {
  ProcessResult result = run({"--maxfail", "1", "-j", "1", "--json", "r.json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "(stopped by --maxfail 1)")) << result.out;
  json report = read_json(dir_.file("r.json"));
  EXPECT_FALSE(report["complete"].get<bool>());
  EXPECT_EQ(report["settings"]["maxfail"], "1");
  // id then engine order: a on both engines, then the first failure, b on duktape
  ASSERT_EQ(report["results"].size(), 3u) << report["results"];
  EXPECT_EQ(report["results"][2]["id"], "mixed/b-agree-fail");

  // Known failures do not count: the first unexpected one is c on duktape.
  dir_.write("known.json", R"json({"format": "settle-expectations/1", "engines": {
    "duktape": {"mixed/b-agree-fail": {"status": "fail"}},
    "node": {"mixed/b-agree-fail": {"status": "fail"}}}})json");
  ProcessResult listed = run({"--exitfirst", "-j", "1", "--expectations", "known.json", "--json",
                              "r.json", "--update-expectations", "updated.json"});
  EXPECT_EQ(listed.exit_code, 1) << listed.out << listed.err;
  report = read_json(dir_.file("r.json"));
  ASSERT_EQ(report["results"].size(), 5u) << report["results"];
  EXPECT_EQ(report["results"][4]["id"], "mixed/c-to-sorted");
  EXPECT_TRUE(contains(listed.err, "stopped at --maxfail: updated.json is left as it was"))
      << listed.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("updated.json")));
}

TEST_F(GateTest, UpdateKeepsReasonsAndTheEntriesOfCasesThatDidNotRun) {
  std::string known = kAllKnown;
  known.replace(known.find("\"node\": {"), 9,
                "\"node\": {\"mixed/a-agree-pass\": {\"status\": \"fail\"}, \"gone/x\": "
                "{\"status\": \"fail\"},");
  dir_.write("known.json", known);
  ProcessResult result = run({"--update-expectations", "known.json", "--filter", "mixed/[ab]*"});
  EXPECT_EQ(result.exit_code, 1) << result.out;
  std::string text = read_file(dir_.file("known.json"));
  EXPECT_TRUE(contains(text, "\"reason\": \"the case is wrong on purpose\"")) << text;
  EXPECT_TRUE(contains(text, "\"mixed/c-to-sorted\"")) << "filtered out, kept: " << text;
  EXPECT_FALSE(contains(text, "mixed/a-agree-pass")) << "passes now: " << text;
  EXPECT_FALSE(contains(text, "gone/x")) << "no such case: " << text;
}

TEST_F(GateTest, ABrokenExpectationsFileExitsTwoNamingTheField) {
  dir_.write("known.json",
             "{\n  \"format\": \"settle-expectations/1\",\n  \"engines\": {\n"
             "    \"duktape\": {\"mixed/b\": {\"status\": \"flaky\"}}\n  }\n}\n");
  ProcessResult result = run({"--expectations", "known.json", "--json", "r.json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(contains(result.err,
                       "known.json:4:29: engines.duktape.mixed/b.status: must be "
                       "\"fail\", \"timeout\" or \"error\""))
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("r.json"))) << "nothing ran";

  dir_.write("bad-syntax.json", "{\"format\": \"settle-expectations/1\",, }");
  ProcessResult syntax = run({"--expectations", "bad-syntax.json"});
  EXPECT_EQ(syntax.exit_code, 2);
  EXPECT_TRUE(contains(syntax.err, "bad-syntax.json:1:")) << syntax.err;
}

TEST_F(GateTest, KnownFailuresAreSkippedInJunitAndTheReportValidates) {
  dir_.write("known.json", kAllKnown);
  ProcessResult result = run({"--expectations", "known.json", "--junit", "r.xml"});
  EXPECT_EQ(result.exit_code, 0) << result.out;
  std::string xml = read_file(dir_.file("r.xml"));
  EXPECT_TRUE(contains(xml,
                       "<skipped message=\"known failure (fail): the case is wrong on "
                       "purpose\" type=\"known-failure\">"))
      << xml;
  EXPECT_FALSE(contains(xml, "<failure")) << xml;
  std::string schema = std::string(SETTLE_SOURCE_DIR) + "/../shared/junit/jenkins-junit-10.xsd";
  if (!std::filesystem::exists(schema)) GTEST_SKIP() << "no schema at " << schema;
  ProcessResult valid = run_process({"xmllint", "--noout", "--schema", schema, dir_.file("r.xml")});
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
}

}  // namespace
}  // namespace settle::testing
