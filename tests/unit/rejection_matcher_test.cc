#include "runner/match/rejection_matcher.h"
#include "runner/model/value_json.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

using nlohmann::json;

Observation tracked(const char* events) {
  Observation observed;
  observed.ending = Settled{Outcome::kReturns, Value()};
  observed.rejections = value_of(json::parse(events));
  return observed;
}

TEST(StillUnhandled, HandledTakesBackTheEarliestEqualUnhandled) {
  EXPECT_EQ(still_unhandled(json::parse(R"([{"unhandled":1},{"handled":1}])")), json::array());
  EXPECT_EQ(still_unhandled(json::parse(R"([{"unhandled":1},{"handled":1},{"unhandled":1}])")),
            json::parse("[1]"));
  EXPECT_EQ(still_unhandled(json::parse(R"([{"unhandled":1},{"unhandled":2},{"handled":1}])")),
            json::parse("[2]"));
}

TEST(RejectionsMismatch, UnstatedIsUncheckedUnlessStrict) {
  Expectation expect;
  EXPECT_FALSE(rejections_mismatch(expect, tracked(R"([{"unhandled":1}])"), false));
  auto strict = rejections_mismatch(expect, tracked(R"([{"unhandled":1}])"), true);
  ASSERT_TRUE(strict);
  EXPECT_NE(strict->find("--strict-rejections"), std::string::npos) << *strict;
  Observation untracked;
  EXPECT_FALSE(rejections_mismatch(expect, untracked, true));  // the host tracks none: skipped
}

TEST(RejectionsMismatch, StatedUnhandledAndEventsAreMatchedAsPatterns) {
  Expectation expect;
  expect.unhandled = value_of(json::parse(R"([{"$error":"TypeError"}])"));
  EXPECT_FALSE(rejections_mismatch(
      expect, tracked(R"([{"unhandled":{"$error":"TypeError","message":"x"}}])"), false));
  EXPECT_TRUE(rejections_mismatch(expect, tracked("[]"), false));
  expect.unhandled.reset();
  expect.rejections = value_of(json::parse(R"([{"unhandled":1},{"handled":1}])"));
  EXPECT_FALSE(rejections_mismatch(expect, tracked(R"([{"unhandled":1},{"handled":1}])"), false));
  auto wrong_kind =
      rejections_mismatch(expect, tracked(R"([{"unhandled":1},{"unhandled":1}])"), false);
  ASSERT_TRUE(wrong_kind);
  EXPECT_NE(wrong_kind->find("rejections[1]"), std::string::npos) << *wrong_kind;
  EXPECT_TRUE(rejections_mismatch(expect, Observation{}, false));  // stated, host tracks none
}

TEST(RejectionsPattern, EachEventHasOneKnownKey) {
  EXPECT_FALSE(check_rejections_pattern(json::parse(R"([{"handled":{"$any":true}}])"), "p"));
  auto bad = check_rejections_pattern(json::parse(R"([{"unhandled":1,"handled":1}])"), "p");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->path, "p[0]");
  EXPECT_TRUE(check_rejections_pattern(json::parse("{}"), "p"));
}

}  // namespace
}  // namespace settle
