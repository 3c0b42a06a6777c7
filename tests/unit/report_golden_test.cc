// The Markdown and HTML reports of a fixed run are byte for byte what they were when every
// reporter kept its results in memory (tests/unit/golden/ was written by that code): reading the
// results back from the run's store changes nothing a reader sees.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "fixed_run.h"
#include "reports/html_reporter.h"
#include "reports/markdown_reporter.h"
#include "reports/result_store.h"

namespace settle {
namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(SETTLE_GOLDEN_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "no golden file " << name;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ReportGoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixed_ = testing::fixed_run(make_);
    for (const Result& result : fixed_.results) store_.add(result);
  }
  template <typename Reporter>
  void feed(Reporter& reporter) {
    reporter.begin(fixed_.run);
    for (const Result& result : fixed_.results) reporter.add(result);
  }
  testing::Results make_;
  testing::FixedRun fixed_;
  ResultStore store_;
};

TEST_F(ReportGoldenTest, MarkdownIsAsBefore) {
  MarkdownReporter reporter("unused.md", store_);
  feed(reporter);
  EXPECT_EQ(reporter.render(fixed_.summary), golden("fixed_run.md"));
  EXPECT_EQ(reporter.render(fixed_.summary, 2), golden("fixed_run_cut.md"));
}

TEST_F(ReportGoldenTest, HtmlIsAsBefore) {
  HtmlReporter reporter("unused.html", store_);
  feed(reporter);
  EXPECT_EQ(reporter.render(fixed_.summary), golden("fixed_run.html"));
}

}  // namespace
}  // namespace settle
