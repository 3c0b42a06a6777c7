#include "runner/gate/baseline_diff.h"

#include <gtest/gtest.h>

#include "results_fixture.h"

namespace settle {
namespace {

using testing::Results;

std::vector<std::string> keys(const std::vector<OutcomeChange>& changes) {
  std::vector<std::string> out;
  for (const OutcomeChange& change : changes) out.push_back(change.id + "@" + change.engine);
  return out;
}

TEST(DiffResults, SortsEveryCaseIntoItsKindPerEngine) {
  Results make;
  std::vector<Result> before, after;
  make.add(before, "a/same-pass", "duktape", Status::kPass);
  make.add(after, "a/same-pass", "duktape", Status::kPass);
  make.add(before, "a/same-fail", "duktape", Status::kFail, "expected 1\nobserved 2");
  make.add(after, "a/same-fail", "duktape", Status::kFail, "expected 1\nobserved 2");
  make.add(before, "a/regress", "duktape", Status::kPass);
  make.add(after, "a/regress", "duktape", Status::kTimeout);
  make.add(before, "a/regress", "node", Status::kPass);
  make.add(after, "a/regress", "node", Status::kPass);
  make.add(before, "a/to-skip", "node", Status::kPass);
  make.add(after, "a/to-skip", "node", Status::kSkip);
  make.add(before, "a/fix", "node", Status::kError);
  make.add(after, "a/fix", "node", Status::kPass);
  make.add(before, "a/other-detail", "node", Status::kFail, "expected 1\nobserved 2");
  make.add(after, "a/other-detail", "node", Status::kFail, "expected 1\nobserved 3");
  make.add(before, "a/other-status", "node", Status::kFail);
  make.add(after, "a/other-status", "node", Status::kError);
  make.add(before, "a/removed", "duktape", Status::kPass);
  make.add(after, "b/added", "duktape", Status::kFail);

  BaselineDiff diff = diff_results(facts_of(before), facts_of(after));
  EXPECT_EQ(keys(diff.regressions),
            (std::vector<std::string>{"a/regress@duktape", "a/to-skip@node"}));
  EXPECT_EQ(keys(diff.fixes), std::vector<std::string>{"a/fix@node"});
  EXPECT_EQ(keys(diff.added), std::vector<std::string>{"b/added@duktape"});
  EXPECT_EQ(keys(diff.removed), std::vector<std::string>{"a/removed@duktape"});
  EXPECT_EQ(keys(diff.changed),
            (std::vector<std::string>{"a/other-detail@node", "a/other-status@node"}));
  EXPECT_FALSE(diff.empty());

  const OutcomeChange& regression = diff.regressions[0];
  EXPECT_EQ(regression.before, Status::kPass);
  EXPECT_EQ(regression.after, Status::kTimeout);
  EXPECT_EQ(regression.after_message, "because of a/regress");
  EXPECT_FALSE(diff.added[0].before);
  EXPECT_FALSE(diff.removed[0].after);
  EXPECT_EQ(diff.changed[0].after_message, "expected 1\nobserved 3");
}

TEST(DiffResults, IdenticalRunsHaveNoChanges) {
  Results make;
  std::vector<Result> run;
  make.add(run, "a/x", "duktape", Status::kFail);
  make.add(run, "a/y", "duktape", Status::kPass);
  EXPECT_TRUE(diff_results(facts_of(run), facts_of(run)).empty());
}

TEST(DiffResults, AnEngineInOnlyOneRunIsNamedNotCompared) {
  Results make;
  std::vector<Result> before, after;
  make.add(before, "a/x", "duktape", Status::kPass);
  make.add(before, "a/x", "spidermonkey", Status::kPass);
  make.add(after, "a/x", "duktape", Status::kPass);
  make.add(after, "a/x", "node", Status::kFail);
  BaselineDiff diff = diff_results(facts_of(before), facts_of(after));
  EXPECT_EQ(diff.engines_only_before, std::vector<std::string>{"spidermonkey"});
  EXPECT_EQ(diff.engines_only_after, std::vector<std::string>{"node"});
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.removed.empty());
}

}  // namespace
}  // namespace settle
