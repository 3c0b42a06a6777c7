#include "runner/gate/gate.h"

#include <gtest/gtest.h>

#include "results_fixture.h"

namespace settle {
namespace {

using testing::Results;

std::vector<std::string> ids(const std::vector<GateEntry>& entries) {
  std::vector<std::string> out;
  for (const GateEntry& entry : entries) out.push_back(entry.id + "@" + entry.engine);
  return out;
}

class GateTest : public ::testing::Test {
 protected:
  GateOutcome evaluate(std::vector<Result> results) {
    if (expectations_) {
      for (Result& result : results) mark_known_failure(result, *expectations_);
    }
    inputs_.expectations = expectations_ ? &*expectations_ : nullptr;
    inputs_.engines = {"duktape", "node"};
    if (inputs_.existing_ids.empty()) {
      for (const Result& result : results) inputs_.existing_ids.insert(result.test->id);
    }
    return evaluate_gate(facts_of(results), inputs_);
  }
  Results make_;
  std::optional<Expectations> expectations_;
  GateInputs inputs_;
};

TEST_F(GateTest, WithoutExpectationsEveryFailureFailsItAndSkipsDoNot) {
  std::vector<Result> results;
  make_.add(results, "a/pass", "duktape", Status::kPass);
  make_.add(results, "a/skip", "duktape", Status::kSkip);
  GateOutcome clean = evaluate(results);
  EXPECT_TRUE(clean.passed());
  EXPECT_FALSE(clean.expectations_used);

  make_.add(results, "a/fail", "duktape", Status::kFail);
  make_.add(results, "a/timeout", "node", Status::kTimeout);
  make_.add(results, "a/error", "node", Status::kError);
  GateOutcome failed = evaluate(results);
  EXPECT_FALSE(failed.passed());
  EXPECT_EQ(ids(failed.unexpected_failures),
            (std::vector<std::string>{"a/fail@duktape", "a/timeout@node", "a/error@node"}));
}

TEST_F(GateTest, ListedFailuresAreKnownAndTheRestUnexpected) {
  expectations_ = parse_expectations(R"json({"engines": {
    "duktape": {"a/listed": {"status": "fail"}, "a/other-status": {"status": "timeout"},
                "a/passes": {"status": "fail", "reason": "old bug"},
                "a/gone": {"status": "error"}},
    "spidermonkey": {"b/gone-too": {"status": "fail"}}}})json",
                                     "k.json");
  std::vector<Result> results;
  make_.add(results, "a/listed", "duktape", Status::kFail);
  make_.add(results, "a/listed", "node", Status::kFail);
  make_.add(results, "a/other-status", "duktape", Status::kFail, "expected 1\nobserved 2");
  make_.add(results, "a/passes", "duktape", Status::kPass);
  GateOutcome outcome = evaluate(results);
  EXPECT_TRUE(outcome.expectations_used);
  EXPECT_EQ(outcome.known_failures, 1u);
  EXPECT_EQ(ids(outcome.unexpected_failures),
            (std::vector<std::string>{"a/listed@node", "a/other-status@duktape"}));
  EXPECT_EQ(outcome.unexpected_failures[0].detail,
            "fail (not in the expectations): because of "
            "a/listed");
  EXPECT_EQ(outcome.unexpected_failures[1].detail, "fail, listed as timeout: expected 1");
  EXPECT_EQ(ids(outcome.unexpected_passes), (std::vector<std::string>{"a/passes@duktape"}));
  EXPECT_EQ(outcome.unexpected_passes[0].detail, "passes, listed as fail: old bug");
  EXPECT_EQ(ids(outcome.missing_cases), (std::vector<std::string>{"a/gone@duktape"}))
      << "spidermonkey did not run";
  EXPECT_FALSE(outcome.passed());
}

TEST_F(GateTest, StaleEntriesFailTheGateOnlyWhenStrict) {
  expectations_ = parse_expectations(
      R"json({"engines": {"duktape": {"a/passes": {"status": "fail"}}}})json", "k.json");
  std::vector<Result> results;
  make_.add(results, "a/passes", "duktape", Status::kPass);
  EXPECT_TRUE(evaluate(results).passed());
  inputs_.strict_expectations = true;
  EXPECT_FALSE(evaluate(results).passed());

  expectations_ = parse_expectations(
      R"json({"engines": {"node": {"a/gone": {"status": "fail"}}}})json", "k.json");
  GateOutcome missing = evaluate(results);
  EXPECT_EQ(missing.missing_cases.size(), 1u);
  EXPECT_FALSE(missing.passed());
  inputs_.strict_expectations = false;
  EXPECT_TRUE(evaluate(results).passed());
}

TEST_F(GateTest, WithABaselineOnlyRegressionsFailIt) {
  std::vector<Result> baseline, results;
  make_.add(baseline, "a/was-failing", "duktape", Status::kFail);
  make_.add(baseline, "a/regresses", "duktape", Status::kPass);
  make_.add(baseline, "a/now-skipped", "node", Status::kPass);
  make_.add(baseline, "a/fixed", "node", Status::kFail);
  make_.add(results, "a/was-failing", "duktape", Status::kError);
  make_.add(results, "a/regresses", "duktape", Status::kFail);
  make_.add(results, "a/now-skipped", "node", Status::kSkip, "lacks feature X");
  make_.add(results, "a/fixed", "node", Status::kPass);
  make_.add(results, "a/added-failing", "node", Status::kFail);
  std::vector<ResultFact> baseline_facts = facts_of(baseline);
  inputs_.baseline = &baseline_facts;
  GateOutcome outcome = evaluate(results);
  EXPECT_FALSE(outcome.passed());
  EXPECT_EQ(ids(outcome.unexpected_failures),
            (std::vector<std::string>{"a/regresses@duktape", "a/now-skipped@node"}));
  EXPECT_EQ(outcome.unexpected_failures[0].detail,
            "fail, passed in the baseline: because of a/regresses");
  EXPECT_EQ(outcome.excused_by_baseline, 2u);
  ASSERT_TRUE(outcome.baseline);
  EXPECT_EQ(outcome.baseline->regressions.size(), 2u);
  EXPECT_EQ(outcome.baseline->fixes.size(), 1u);
  EXPECT_EQ(outcome.baseline->added.size(), 1u);
}

TEST_F(GateTest, AListedRegressionIsAKnownFailure) {
  std::vector<Result> baseline, results;
  make_.add(baseline, "a/regresses", "duktape", Status::kPass);
  make_.add(results, "a/regresses", "duktape", Status::kFail);
  std::vector<ResultFact> baseline_facts = facts_of(baseline);
  inputs_.baseline = &baseline_facts;
  expectations_ = parse_expectations(
      R"json({"engines": {"duktape": {"a/regresses": {"status": "fail"}}}})json", "k.json");
  GateOutcome outcome = evaluate(results);
  EXPECT_TRUE(outcome.passed());
  EXPECT_EQ(outcome.known_failures, 1u);
  EXPECT_EQ(outcome.baseline->regressions.size(), 1u) << "still listed as a regression";
}

}  // namespace
}  // namespace settle
