#include "runner/gate/comparison.h"

#include <gtest/gtest.h>

#include "compare_engines.h"
#include "results_fixture.h"

namespace settle {
namespace {

using testing::Results;

TEST(CompareEngines, PutsDisagreementsFirstEachInIdOrder) {
  Results make;
  std::vector<Result> results = comparison_kinds(make);

  Comparison comparison = compare_engines({"duktape", "node"}, results);
  std::vector<std::string> order;
  for (const ComparisonRow& row : comparison.rows) {
    order.push_back(row.test->id + (row.disagree ? " !" : ""));
  }
  // Judged among the engines that ran the case: a skip or a missing result is no disagreement.
  EXPECT_EQ(order, (std::vector<std::string>{"a/2-differ !", "a/1-agree", "a/3-both-fail",
                                             "a/4-only-node", "a/5-skip"}));
  EXPECT_EQ(comparison.disagreements, 1u);
  EXPECT_EQ(comparison.skipped, 1u);
  EXPECT_EQ(comparison.rows[4].skipped, 1u);
  EXPECT_EQ(comparison.rows[1].skipped, 0u);
  const ComparisonRow& only_node = comparison.rows[3];
  ASSERT_EQ(only_node.cells.size(), 2u);
  EXPECT_EQ(only_node.cells[0], nullptr);
  ASSERT_NE(only_node.cells[1], nullptr);
  EXPECT_EQ(only_node.cells[1]->engine, "node");
  EXPECT_EQ(only_node.skipped, 0u) << "no result is not a skip";
  EXPECT_EQ(comparison.rows[0].cells[0]->status, Status::kFail);
}

}  // namespace
}  // namespace settle
