#include "runner/run/shard.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace settle
