#include "reports/rollup.h"

#include <gtest/gtest.h>

#include "results_fixture.h"

namespace settle {
namespace {

TEST(Rollup, AnAreaIsACaseFilesFolderOrATest262TestsDirectory) {
  EXPECT_EQ(Rollup::area_of("finally/basics/value-passes-through"), "finally");
  EXPECT_EQ(Rollup::area_of("a/b/file/case"), "a/b");
  EXPECT_EQ(Rollup::area_of("file/case"), "");
  EXPECT_EQ(Rollup::area_of("test/built-ins/Promise/all/x.js#default"),
            "test/built-ins/Promise/all");
  EXPECT_EQ(Rollup::area_of("x.js#strict"), "");
}

TEST(Rollup, CountsPassAndTotalPerEngineAtEveryLevel) {
  testing::Results made;
  Rollup rollup;
  // Final order: by id, then engine.
  rollup.add(made.result("test/built-ins/Promise/all/a.js#default", "duktape", Status::kPass));
  rollup.add(made.result("test/built-ins/Promise/all/a.js#default", "node", Status::kPass));
  rollup.add(made.result("test/built-ins/Promise/race/b.js#default", "duktape", Status::kFail));
  rollup.add(made.result("test/built-ins/Promise/race/b.js#default", "node", Status::kPass));
  rollup.add(made.result("test/built-ins/Promise/race/c.js#default", "duktape", Status::kSkip));
  rollup.add(made.result("test/built-ins/Promise/race/c.js#default", "node", Status::kSkip));
  const Rollup::Area root = rollup.tree();
  EXPECT_EQ(root.cases, 3u);
  EXPECT_EQ(root.disagreements, 1u);
  EXPECT_EQ(root.per_engine.at("duktape").pass, 1u);
  EXPECT_EQ(root.per_engine.at("duktape").total, 3u);
  EXPECT_EQ(root.per_engine.at("node").pass, 2u);
  const Rollup::Area& promise =
      root.children.at("test").children.at("built-ins").children.at("Promise");
  EXPECT_EQ(promise.path, "test/built-ins/Promise");
  EXPECT_EQ(promise.cases, 3u);
  const Rollup::Area& race = promise.children.at("race");
  EXPECT_EQ(race.name, "race");
  EXPECT_EQ(race.path, "test/built-ins/Promise/race");
  EXPECT_EQ(race.cases, 2u);
  EXPECT_EQ(race.disagreements, 1u);
  EXPECT_EQ(race.per_engine.at("node").pass, 1u);
  EXPECT_EQ(race.per_engine.at("node").total, 2u);
  const Rollup::Area& all = promise.children.at("all");
  EXPECT_EQ(all.disagreements, 0u);
  EXPECT_EQ(all.per_engine.at("duktape").pass, 1u);

  // Areas with disagreements first, then by name.
  std::vector<const Rollup::Area*> ordered = Rollup::ordered_children(promise);
  ASSERT_EQ(ordered.size(), 2u);
  EXPECT_EQ(ordered[0]->name, "race");
  EXPECT_EQ(ordered[1]->name, "all");
}

}  // namespace
}  // namespace settle
