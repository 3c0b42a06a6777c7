#include "runner/input/spelling.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("run", "run"), 0u);
  EXPECT_EQ(edit_distance("", "run"), 3u);
  EXPECT_EQ(edit_distance("run", ""), 3u);
  EXPECT_EQ(edit_distance("rn", "run"), 1u);      // an insertion
  EXPECT_EQ(edit_distance("nodee", "node"), 1u);  // a deletion
  EXPECT_EQ(edit_distance("nude", "node"), 1u);   // a substitution
  EXPECT_EQ(edit_distance("ndoe", "node"), 1u);   // a swap of neighbours, not two substitutions
  EXPECT_EQ(edit_distance("josn", "json"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("list", "merge"), 5u);
  EXPECT_EQ(edit_distance("sitting", "kitten"), edit_distance("kitten", "sitting"));
}

const std::vector<std::string> kCommands = {"diff", "engines", "list", "merge", "run"};
const std::vector<std::string> kEngines = {"duk",  "duktape", "duktape+bluebird",
                                           "node", "quickjs", "spidermonkey"};

TEST(ClosestSpelling, SuggestsTheNearestCloseCandidate) {
  EXPECT_EQ(closest_spelling("rn", kCommands), "run");
  EXPECT_EQ(closest_spelling("lsit", kCommands), "list");
  EXPECT_EQ(closest_spelling("engine", kCommands), "engines");
  EXPECT_EQ(closest_spelling("nod", kEngines), "node");
  EXPECT_EQ(closest_spelling("quickj", kEngines), "quickjs");
  EXPECT_EQ(closest_spelling("dukatpe", kEngines), "duktape");
  EXPECT_EQ(closest_spelling("spidermonky", kEngines), "spidermonkey");
}

TEST(ClosestSpelling, SuggestsTheOnlyCandidateAWordBegins) {
  EXPECT_EQ(closest_spelling("spider", kEngines), "spidermonkey");
  EXPECT_EQ(closest_spelling("timeo", {"timeout", "test262-dir", "json"}), "timeout");
  EXPECT_EQ(closest_spelling("duktape+blue", kEngines), "duktape+bluebird");
}

TEST(ClosestSpelling, SuggestsNothingFarOrAmbiguousOrExact) {
  EXPECT_EQ(closest_spelling("xyz", kCommands), std::nullopt);
  EXPECT_EQ(closest_spelling("x", {"e", "j", "q"}), std::nullopt) << "a whole word replaced";
  EXPECT_EQ(closest_spelling("t", {"timeout"}), std::nullopt) << "one letter begins too much";
  EXPECT_EQ(closest_spelling("sp", {"spidermonkey", "spare"}), std::nullopt);
  EXPECT_EQ(closest_spelling("bananas", kEngines), std::nullopt);
  EXPECT_EQ(closest_spelling("", kCommands), std::nullopt);
  EXPECT_EQ(closest_spelling("run", kCommands), std::nullopt);
  EXPECT_EQ(closest_spelling("run", {}), std::nullopt);
}

TEST(ClosestSpelling, TiesGoToTheEarlierCandidate) {
  EXPECT_EQ(closest_spelling("dux", {"duk", "dug"}), "duk");
  EXPECT_EQ(closest_spelling("dux", {"dug", "duk"}), "dug");
}

}  // namespace
}  // namespace settle
