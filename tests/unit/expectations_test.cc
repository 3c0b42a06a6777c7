#include "runner/gate/expectations.h"

#include <gtest/gtest.h>

#include "results_fixture.h"

namespace settle {
namespace {

using testing::Results;

const char* const kFile = R"json(// known failures
{
  "format": "settle-expectations/1",
  "engines": {
    "duktape": {
      "a/b/c": {"status": "fail", "reason": "spec bug"},  /* inline comment */
      "a/b/d": {"status": "timeout"}
    },
    "node": {}
  }
})json";

TEST(ParseExpectations, ReadsEntriesPerEngine) {
  Expectations expectations = parse_expectations(kFile, "known.json");
  const KnownFailure* c = expectations.find("duktape", "a/b/c");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, Status::kFail);
  EXPECT_EQ(c->reason, "spec bug");
  ASSERT_TRUE(expectations.find("duktape", "a/b/d"));
  EXPECT_EQ(expectations.find("duktape", "a/b/d")->status, Status::kTimeout);
  EXPECT_EQ(expectations.find("duktape", "a/b/d")->reason, "");
  EXPECT_FALSE(expectations.find("node", "a/b/c"));
  EXPECT_FALSE(expectations.find("spidermonkey", "a/b/c"));
}

std::string error_of(const std::string& text) {
  try {
    parse_expectations(text, "k.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ParseExpectations, NamesFileLineColumnAndFieldOfAProblem) {
  EXPECT_EQ(error_of("{\"format\": \"settle-expectations/1\",\n \"engines\": {\"duktape\": "
                     "{\"x/y\": {\"status\": \"pass\"}}}}"),
            "k.json:2:34: engines.duktape.x/y.status: must be \"fail\", \"timeout\" or "
            "\"error\"");
  EXPECT_EQ(error_of("{\"engines\": {\"duktape\": {\"x/y\": {\"status\": \"fail\", \"why\": "
                     "\"?\"}}}}"),
            "k.json:1:52: engines.duktape.x/y.why: unknown field (allowed here: reason, status)");
  EXPECT_EQ(error_of("{\"engines\": {\"duktape\": {\"x/y\": {}}}}"),
            "k.json:1:26: engines.duktape.x/y: missing required field \"status\"");
  EXPECT_EQ(error_of("{\"format\": \"settle-expectations/2\"}"),
            "k.json:1:2: format: must be \"settle-expectations/1\"");
  EXPECT_EQ(error_of("{\"engine\": {}}"),
            "k.json:1:2: engine: unknown field (allowed here: engines, format)");
  EXPECT_EQ(error_of("[]"), "k.json:1:1: must be an object with \"format\" and \"engines\"");
  EXPECT_NE(error_of("{\"engines\": {\"d\": {\"x\": {\"status\": \"fail\"}, \"x\": {}}}}")
                .find("k.json:1:"),
            std::string::npos)
      << "a repeated id is an error";
  EXPECT_EQ(error_of("{,}").rfind("k.json:1:2: ", 0), 0u) << error_of("{,}");
}

TEST(ReadExpectations, AMissingFileIsAnError) {
  EXPECT_THROW(read_expectations("/no/such/known.json"), InputError);
}

TEST(ExpectationsText, ReadsBackAsTheSameExpectations) {
  Expectations expectations = parse_expectations(kFile, "known.json");
  std::string text = expectations_text(expectations);
  EXPECT_EQ(text.rfind("// ", 0), 0u);
  Expectations again = parse_expectations(text, "again.json");
  ASSERT_TRUE(again.find("duktape", "a/b/c"));
  EXPECT_EQ(again.find("duktape", "a/b/c")->reason, "spec bug");
  EXPECT_EQ(again.find("duktape", "a/b/d")->status, Status::kTimeout);
  EXPECT_EQ(again.engines.count("node"), 0u) << "an engine without entries is left out";
  EXPECT_EQ(expectations_text(again), text);
}

TEST(MarkKnownFailure, OnlyForTheSameEngineIdAndStatus) {
  Expectations expectations = parse_expectations(kFile, "known.json");
  Results make;
  Result listed = make.result("a/b/c", "duktape", Status::kFail);
  mark_known_failure(listed, expectations);
  EXPECT_EQ(listed.known_failure, "spec bug");

  Result other_status = make.result("a/b/c", "duktape", Status::kError);
  mark_known_failure(other_status, expectations);
  EXPECT_FALSE(other_status.known_failure);

  Result other_engine = make.result("a/b/c", "node", Status::kFail);
  mark_known_failure(other_engine, expectations);
  EXPECT_FALSE(other_engine.known_failure);

  Result passing = make.result("a/b/c", "duktape", Status::kPass);
  mark_known_failure(passing, expectations);
  EXPECT_FALSE(passing.known_failure);

  Result no_reason = make.result("a/b/d", "duktape", Status::kTimeout);
  mark_known_failure(no_reason, expectations);
  EXPECT_EQ(no_reason.known_failure, "");
}

TEST(UpdatedExpectations, FollowsTheRunAndKeepsWhatDidNotRun) {
  Expectations previous = parse_expectations(R"json({"engines": {
    "duktape": {
      "a/kept-reason": {"status": "fail", "reason": "known bug"},
      "a/status-changed": {"status": "fail", "reason": "old reason"},
      "a/now-passes": {"status": "fail"},
      "a/not-run": {"status": "error", "reason": "filtered out"},
      "gone/case": {"status": "fail"}
    },
    "spidermonkey": {"a/kept-reason": {"status": "timeout"}}
  }})json",
                                             "k.json");
  Results make;
  std::vector<Result> results;
  make.add(results, "a/kept-reason", "duktape", Status::kFail, "expected 1\nobserved 2");
  make.add(results, "a/status-changed", "duktape", Status::kTimeout, "timed out after 5000 ms");
  make.add(results, "a/now-passes", "duktape", Status::kPass);
  make.add(results, "a/new-failure", "duktape", Status::kFail, "expected 3\nobserved 4");
  make.add(results, "a/new-failure", "node", Status::kError, "node crashed");
  make.add(results, "a/skipped", "node", Status::kSkip, "lacks feature");
  std::set<std::string> existing = {"a/kept-reason", "a/status-changed", "a/now-passes",
                                    "a/not-run",     "a/new-failure",    "a/skipped"};

  Expectations updated =
      updated_expectations(previous, facts_of(results), {"duktape", "node"}, existing);
  EXPECT_EQ(updated.find("duktape", "a/kept-reason")->reason, "known bug");
  EXPECT_EQ(updated.find("duktape", "a/status-changed")->status, Status::kTimeout);
  EXPECT_EQ(updated.find("duktape", "a/status-changed")->reason, "timed out after 5000 ms");
  EXPECT_FALSE(updated.find("duktape", "a/now-passes"));
  EXPECT_EQ(updated.find("duktape", "a/not-run")->reason, "filtered out");
  EXPECT_FALSE(updated.find("duktape", "gone/case")) << "no such case any more";
  EXPECT_EQ(updated.find("duktape", "a/new-failure")->reason, "expected 3");
  EXPECT_EQ(updated.find("node", "a/new-failure")->status, Status::kError);
  EXPECT_FALSE(updated.find("node", "a/skipped"));
  EXPECT_EQ(updated.find("spidermonkey", "a/kept-reason")->status, Status::kTimeout)
      << "an engine that did not run keeps its entries";
}

}  // namespace
}  // namespace settle
