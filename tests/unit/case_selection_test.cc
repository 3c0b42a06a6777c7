#include "runner/run/case_selection.h"

#include <gtest/gtest.h>

#include <set>

namespace settle {
namespace {

std::vector<std::string> ids(std::size_t count) {
  std::vector<std::string> all;
  for (std::size_t i = 0; i < count; ++i) {
    all.push_back("area/file/case-" + std::string(i < 10 ? "0" : "") + std::to_string(i));
  }
  return all;
}

// What a pass with the filter takes of `all`, given in id order as a run gives them.
std::vector<std::string> taken(const CaseFilter& filter, const std::vector<std::string>& all) {
  CaseSelection selection(filter);
  std::vector<std::string> slice;
  for (const std::string& id : all) {
    if (selection.take(id)) slice.push_back(id);
  }
  return slice;
}

TEST(CaseSelection, TheShardsPartitionTheCasesInIdOrder) {
  std::vector<std::string> all = ids(23);
  std::set<std::string> seen;
  for (std::size_t i = 1; i <= 4; ++i) {
    std::vector<std::string> slice = taken(CaseFilter({}, Shard{i, 4}), all);
    EXPECT_TRUE(std::is_sorted(slice.begin(), slice.end()));
    EXPECT_GE(slice.size(), 5u);
    EXPECT_LE(slice.size(), 6u);
    EXPECT_EQ(CaseFilter({}, Shard{i, 4}).taken_of(all.size()), slice.size());
    for (const std::string& id : slice) EXPECT_TRUE(seen.insert(id).second) << id;
  }
  EXPECT_EQ(seen.size(), all.size());
}

TEST(CaseSelection, ShardOneOfOneIsEverythingAndMoreShardsThanCasesLeavesSomeEmpty) {
  std::vector<std::string> all = ids(3);
  EXPECT_EQ(taken(CaseFilter({}, Shard{1, 1}), all), all);
  EXPECT_EQ(taken(CaseFilter({}, Shard{3, 5}), all), std::vector<std::string>{all[2]});
  EXPECT_TRUE(taken(CaseFilter({}, Shard{5, 5}), all).empty());
  EXPECT_EQ(CaseFilter({}, Shard{3, 5}).taken_of(3), 1u);
  EXPECT_EQ(CaseFilter({}, Shard{5, 5}).taken_of(3), 0u);
  EXPECT_EQ(CaseFilter({}, std::nullopt).taken_of(3), 3u);
}

TEST(CaseSelection, ASliceDependsOnlyOnTheIds) {
  EXPECT_EQ(
      taken(CaseFilter({}, Shard{2, 3}), ids(10)),
      (std::vector<std::string>{"area/file/case-01", "area/file/case-04", "area/file/case-07"}));
}

// A run makes several passes over its cases (counting, the baseline's scope, the run): each
// starts its own count from the one filter, so each takes the same slice.
TEST(CaseSelection, EachPassOfOneFilterTakesTheSameSlice) {
  const CaseFilter filter({}, Shard{2, 3});
  const std::vector<std::string> all = ids(10);
  CaseSelection first(filter);
  for (const std::string& id : all) first.take(id);
  EXPECT_EQ(taken(filter, all), taken(filter, all));
  EXPECT_EQ(taken(filter, all), (std::vector<std::string>{all[1], all[4], all[7]}));
}

TEST(CaseSelection, AShardSlicesTheCasesThatTheFiltersMatch) {
  std::vector<std::string> all = {"a/one", "b/one", "a/two", "b/two", "a/three"};
  const CaseFilter filtered({"a/*"}, std::nullopt);
  EXPECT_TRUE(filtered.matches("a/one"));
  EXPECT_FALSE(filtered.matches("b/one"));
  EXPECT_EQ(taken(filtered, all), (std::vector<std::string>{"a/one", "a/two", "a/three"}));
  // The filters' matches are counted for the shard, not the cases they leave out.
  EXPECT_EQ(taken(CaseFilter({"a/*"}, Shard{2, 2}), all), std::vector<std::string>{"a/two"});
  EXPECT_EQ(taken(CaseFilter({"a/t*", "b/o*"}, std::nullopt), all),
            (std::vector<std::string>{"b/one", "a/two", "a/three"}));
}

}  // namespace
}  // namespace settle
