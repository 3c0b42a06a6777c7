#include "runner/run/run_settings.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

using Texts = std::map<std::string, std::string>;

// A report read back and written again says the same: every setting's text, through set() and
// by_name().
Texts round_trip(const Texts& texts) {
  RunSettings settings;
  for (const auto& [name, text] : texts) settings.set(name, text);
  return settings.by_name();
}

TEST(RunSettings, EachSettingIsWrittenAsTheReportsGiveIt) {
  RunSettings settings;
  settings.engines = {"duktape", "node"};
  settings.paths = {"cases"};
  settings.filters = std::vector<std::string>{};
  settings.timeout_ms = 5000;
  settings.jobs = 2;
  settings.shard = Shard{1, 3};
  settings.strict_rejections = true;
  settings.maxfail = 10;
  settings.lower = {{"duktape", "es5"}, {"jsc", "es5"}};
  EXPECT_EQ(settings.by_name(), (Texts{{"engines", "duktape,node"},
                                       {"filters", ""},
                                       {"jobs", "2"},
                                       {"lower", "duktape=es5,jsc=es5"},
                                       {"maxfail", "10"},
                                       {"paths", "cases"},
                                       {"shard", "1/3"},
                                       {"strict_rejections", "true"},
                                       {"timeout_ms", "5000"}}));
}

TEST(RunSettings, TextsReadBackAreTypedAndWrittenTheSame) {
  RunSettings settings;
  settings.set("shard", "2/4");
  settings.set("jobs", "8");
  settings.set("preludes", "a.js,b.js");
  settings.set("strict_expectations", "true");
  ASSERT_TRUE(settings.shard);
  EXPECT_EQ(settings.shard->index, 2u);
  EXPECT_EQ(settings.jobs, 8u);
  EXPECT_EQ(settings.preludes, (std::vector<std::string>{"a.js", "b.js"}));
  EXPECT_TRUE(settings.strict_expectations);
  EXPECT_TRUE(settings.others.empty());

  const Texts texts = {{"baseline", "main.json"},
                       {"engines", "a,,b"},
                       {"filters", ""},
                       {"jobs", "2"},
                       {"lower", "duktape=es5"},
                       {"maxfail", "3"},
                       {"shard", "1/2"},
                       {"timeout_ms", "250"},
                       {"future", "x"}};
  EXPECT_EQ(round_trip(texts), texts);
}

// A text that is not its setting's type (a hand-edited or foreign report) is kept as it is.
TEST(RunSettings, ATextNotOfItsTypeIsKeptAsItIs) {
  const Texts texts = {{"jobs", "02"},   {"shard", "3/2"},  {"timeout_ms", "soon"},
                       {"lower", "es5"}, {"maxfail", "-1"}, {"strict_rejections", "yes"}};
  RunSettings settings;
  for (const auto& [name, text] : texts) settings.set(name, text);
  EXPECT_FALSE(settings.jobs);
  EXPECT_FALSE(settings.shard);
  EXPECT_FALSE(settings.timeout_ms);
  EXPECT_TRUE(settings.lower.empty());
  EXPECT_FALSE(settings.strict_rejections);
  EXPECT_EQ(settings.others, texts);
  EXPECT_EQ(settings.by_name(), texts);
}

}  // namespace
}  // namespace settle
