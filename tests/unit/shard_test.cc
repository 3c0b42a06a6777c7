#include "runner/shard.h"

#include <gtest/gtest.h>

#include <deque>
#include <set>

namespace settle {
namespace {

TEST(ParseShard, ReadsIOfN) {
  auto shard = parse_shard("2/5");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 5u);
  EXPECT_EQ(shard->text(), "2/5");
  EXPECT_TRUE(parse_shard("1/1"));
  EXPECT_TRUE(parse_shard("12/12"));
}

TEST(ParseShard, RefusesAnythingElse) {
  for (const char* bad : {"", "/", "0/3", "4/3", "3/0", "1/", "/3", "a/3", "1/3/4", "-1/3", "+1/3",
                          " 1/3", "1/3 ", "1.0/3", "1-3", "9999999999/9999999999"}) {
    EXPECT_FALSE(parse_shard(bad)) << bad;
  }
}

class TakeShardTest : public ::testing::Test {
 protected:
  std::vector<const Case*> make(std::size_t count) {
    std::vector<const Case*> sorted;
    for (std::size_t i = 0; i < count; ++i) {
      Case& test = cases_.emplace_back();
      test.id = "area/file/case-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      sorted.push_back(&test);
    }
    return sorted;
  }
  std::deque<Case> cases_;
};

TEST_F(TakeShardTest, TheShardsPartitionTheCasesInIdOrder) {
  std::vector<const Case*> all = make(23);
  std::set<const Case*> seen;
  for (std::size_t i = 1; i <= 4; ++i) {
    std::vector<const Case*> slice = take_shard(all, Shard{i, 4});
    EXPECT_TRUE(std::is_sorted(slice.begin(), slice.end(),
                               [](const Case* a, const Case* b) { return a->id < b->id; }));
    EXPECT_GE(slice.size(), 5u);
    EXPECT_LE(slice.size(), 6u);
    for (const Case* test : slice) EXPECT_TRUE(seen.insert(test).second) << test->id;
  }
  EXPECT_EQ(seen.size(), all.size());
}

TEST_F(TakeShardTest, ShardOneOfOneIsEverythingAndMoreShardsThanCasesLeavesSomeEmpty) {
  std::vector<const Case*> all = make(3);
  EXPECT_EQ(take_shard(all, Shard{1, 1}), all);
  EXPECT_EQ(take_shard(all, Shard{3, 5}), std::vector<const Case*>{all[2]});
  EXPECT_TRUE(take_shard(all, Shard{5, 5}).empty());
}

TEST_F(TakeShardTest, ASliceDependsOnlyOnTheIds) {
  std::vector<const Case*> all = make(10);
  std::vector<std::string> ids;
  for (const Case* test : take_shard(all, Shard{2, 3})) ids.push_back(test->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"area/file/case-01", "area/file/case-04",
                                           "area/file/case-07"}));
}

}  // namespace
}  // namespace settle
