#include "runner/corpus/run_order.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

// The groups as lists of file indices.
std::vector<std::vector<std::size_t>> groups(const RunOrder& order) {
  std::vector<std::vector<std::size_t>> out;
  std::size_t begin = 0;
  for (std::size_t end : order.group_ends) {
    out.emplace_back(order.files.begin() + static_cast<std::ptrdiff_t>(begin),
                     order.files.begin() + static_cast<std::ptrdiff_t>(end));
    begin = end;
  }
  return out;
}

TEST(RunOrder, FilesWhoseIdsDoNotInterleaveAreGroupsOfOneInIdOrder) {
  // Discovered by path: a.json sorts before a/b.json, but its ids (a/x) sort after a/b/y.
  RunOrder order =
      run_order({IdRange{"a/x", "a/z"}, IdRange{"a/b/y", "a/b/y"}, IdRange{"b/a", "b/c"}});
  EXPECT_EQ(groups(order), (std::vector<std::vector<std::size_t>>{{1}, {0}, {2}}));
}

TEST(RunOrder, FilesWhoseIdsInterleaveShareAGroupInDiscoveryOrder) {
  // a.json holds a/a and a/z; a/b.json's a/b/y falls between them; c/ is apart.
  RunOrder order = run_order({IdRange{"a/a", "a/z"}, IdRange{"a/b/y", "a/b/y"},
                              IdRange{"c/a", "c/b"}, IdRange{"a/zz", "a/zz"}});
  EXPECT_EQ(groups(order), (std::vector<std::vector<std::size_t>>{{0, 1}, {3}, {2}}));
}

TEST(RunOrder, AGroupGrowsWhileTheNextFileStartsBeforeItsLastId) {
  // 1 overlaps 0, 2 overlaps 1 but not 0: one group of three.
  RunOrder order =
      run_order({IdRange{"a", "c"}, IdRange{"b", "e"}, IdRange{"d", "f"}, IdRange{"g", "h"}});
  EXPECT_EQ(groups(order), (std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3}}));
}

TEST(RunOrder, EqualIdsInTwoFilesShareAGroupAndFilesWithoutCasesNone) {
  // Two case roots giving one id: their order is the files' discovery order.
  RunOrder order = run_order(
      {std::nullopt, IdRange{"x/one", "x/one"}, IdRange{"w/a", "w/b"}, IdRange{"x/one", "x/one"}});
  EXPECT_EQ(groups(order), (std::vector<std::vector<std::size_t>>{{2}, {1, 3}}));
  EXPECT_EQ(order.groups(), 2u);
  EXPECT_EQ(run_order({}).groups(), 0u);
}

}  // namespace
}  // namespace settle
