#include "reports/github_reporter.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

// As GitHub's actions/toolkit escapes workflow commands: data keeps ':' and ','; a property (file,
// title) may not hold them, since they end the property.
TEST(GithubReporter, EscapesDataAndPropertiesAsWorkflowCommandsNeed) {
  EXPECT_EQ(GithubReporter::escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
  EXPECT_EQ(GithubReporter::escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
  EXPECT_EQ(GithubReporter::escape_property("cases/finally/basics.json"),
            "cases/finally/basics.json");
}

}  // namespace
}  // namespace settle
