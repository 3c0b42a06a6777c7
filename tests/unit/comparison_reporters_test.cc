// The Markdown and HTML reporters, and the console's comparison and gate lines.
#include <gtest/gtest.h>

#include <regex>

#include "reports/console_reporter.h"
#include "reports/diff_markdown.h"
#include "reports/html_reporter.h"
#include "reports/markdown_reporter.h"
#include "reports/markdown_text.h"
#include "reports/report_text.h"
#include "results_fixture.h"
#include "runner/model/value_json.h"

namespace settle {
namespace {

using testing::Results;

class ComparisonReportersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    run_.settle_version = "0.1.0";
    run_.started = "2025-03-01T10:00:00Z";
    run_.engines.push_back(EngineInfo{"duktape", "duktape 2.7.0", AdapterKind::kDuktape, {}});
    run_.engines.push_back(EngineInfo{"node", "node v20", AdapterKind::kProcess, {}});
    make_.add(results_, "a/agree", "duktape", Status::kPass);
    make_.add(results_, "a/agree", "node", Status::kPass);
    Result& differ = make_.add(results_, "a/differ", "duktape", Status::kFail,
                               "expected <b> | \"x\"\nobserved ]]> & </script>");
    differ.observed.log = value_of(nlohmann::json::array({"</script><script>alert(1)</script>"}));
    make_.add(results_, "a/differ", "node", Status::kPass);
    for (const Result& result : results_) summary_.add(result);
  }
  template <typename Reporter>
  std::string render(Reporter& reporter) {
    reporter.begin(run_);
    for (const Result& result : results_) {
      store_.add(result);
      reporter.add(result);
    }
    return reporter.render(summary_);
  }
  ResultStore store_;
  RunInfo run_;
  Results make_;
  std::vector<Result> results_;
  Summary summary_;
};

TEST_F(ComparisonReportersTest, MarkdownTableListsOnlyTheDisagreements) {
  MarkdownReporter reporter("unused.md", store_);
  std::string markdown = render(reporter);
  EXPECT_NE(markdown.find("| duktape | duktape 2.7.0 | 1 | 1 | 0 | 0 | 0 | 2 |"), std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("### Where the engines disagree (1 of 2 cases)\n\n| case | duktape | "
                          "node |\n|---|---|---|\n| <code>a/differ</code> | ❌ fail | ✅ pass |\n"),
            std::string::npos)
      << markdown;
  EXPECT_EQ(markdown.find("<code>a/agree</code>"), std::string::npos);
  EXPECT_NE(
      markdown.find(
          "| ❌ fail | expected &lt;b&gt; \\| \"x\"<br>observed \\]\\]&gt; &amp; &lt;/script&gt; |"),
      std::string::npos)
      << "a pipe would split the cell: " << markdown;
}

// With more engines than areas, the by-area table turns: an engine per row, an area per column.
TEST_F(ComparisonReportersTest, MarkdownByAreaPutsEnginesInRowsWhenTheyOutnumberTheAreas) {
  run_.engines.push_back(EngineInfo{"jsc", "jsc 2.50", AdapterKind::kProcess, {}});
  results_.clear();
  summary_ = Summary();
  for (const char* id : {"area/file/agree", "area/file/differ"}) {
    make_.add(results_, id, "duktape", Status::kPass);
    make_.add(results_, id, "node",
              std::string(id) == "area/file/agree" ? Status::kPass : Status::kFail);
    make_.add(results_, id, "jsc", Status::kFail);
  }
  for (const Result& result : results_) summary_.add(result);
  MarkdownReporter reporter("unused.md", store_);
  std::string markdown = render(reporter);
  EXPECT_NE(markdown.find("### By area (pass/total)\n\n| engine | **all** (2) | <code>area</code> "
                          "(2) |\n|---|---:|---:|\n| duktape | 2/2 | 2/2 |\n| node | 1/2 | 1/2 "
                          "|\n| jsc | 0/2 | 0/2 |\n| *cases where they disagree* | 2 | 2 |\n"),
            std::string::npos)
      << markdown;
}

TEST_F(ComparisonReportersTest, MarkdownOfAGateAndABaseline) {
  summary_.gate.expectations_used = true;
  summary_.gate.known_failures = 2;
  summary_.gate.unexpected_passes.push_back({"a/agree", "node", "passes, listed as fail"});
  std::vector<Result> before;
  make_.add(before, "a/agree", "duktape", Status::kFail);
  make_.add(before, "a/differ", "duktape", Status::kPass);
  summary_.gate.baseline = diff_results(facts_of(before), facts_of(results_));
  run_.settings.baseline = "main.json";
  MarkdownReporter reporter("unused.md", store_);
  std::string markdown = render(reporter);
  EXPECT_NE(markdown.find("2 known failures, 0 unexpected failures, 1 unexpected pass, 0 stale "
                          "entries."),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("- unexpected pass <code>a/agree</code> on node: passes, listed as fail"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("**Regressions**: 1 regression, 1 fix, 0 added, 0 removed, 0 changed "
                          "(<code>main.json</code> → <code>this run</code>)."),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("| <code>a/differ</code> | duktape | pass | fail | expected &lt;b&gt;"),
            std::string::npos)
      << markdown;
}

TEST_F(ComparisonReportersTest, MarkdownCellsCannotBreakTheTable) {
  EXPECT_EQ(markdown_cell("a|b\nc <d> `e` *f*"), "a\\|b<br>c &lt;d&gt; \\`e\\` \\*f\\*");
  EXPECT_EQ(markdown_code("x|y<z>"), "<code>x&#124;y&lt;z&gt;</code>");
}

TEST_F(ComparisonReportersTest, HtmlPageEscapesAndOrdersRows) {
  HtmlReporter reporter("unused.html", store_);
  std::string page = render(reporter);
  EXPECT_EQ(page.find("<script>alert(1)"), std::string::npos) << "the log is escaped";
  // The cells' details are JSON in a <script>: no "<" in it, so nothing in a case can end it.
  EXPECT_NE(page.find("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"), std::string::npos)
      << page;
  EXPECT_NE(page.find("observed ]]> & \\u003c/script>"), std::string::npos);
  // The only </script>s end the page's data and its script.
  std::size_t data = page.find("<script type=\"application/json\" id=\"cell-details\">");
  std::size_t data_end = page.find("</script>");
  ASSERT_NE(data, std::string::npos);
  EXPECT_LT(data, data_end);
  std::size_t script_end = page.find("</script>", data_end + 1);
  EXPECT_NE(script_end, std::string::npos);
  EXPECT_EQ(page.find("</script>", script_end + 1), std::string::npos);
  EXPECT_TRUE(
      nlohmann::json::accept(page.substr(page.find('[', data), data_end - page.find('[', data))));
  std::size_t differ = page.find("<tr class=\"disagree\" data-id=\"a/differ\"");
  std::size_t agree = page.find("<tr data-id=\"a/agree\"");
  ASSERT_NE(differ, std::string::npos) << page;
  ASSERT_NE(agree, std::string::npos) << page;
  EXPECT_LT(differ, agree);
  EXPECT_NE(page.find("<td class=\"cell fail\">fail</td>"), std::string::npos);
  EXPECT_NE(page.find("id=\"filter\""), std::string::npos);
  EXPECT_EQ(html_escape("<a href='x'>&\"</a>\x01"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\\x01");
}

TEST(ConsoleFinalLine, AddsTheGateCountsOnlyWhenAGateIsUsed) {
  Summary summary;
  summary.seconds = 1.5;
  EXPECT_EQ(final_line(summary),
            "settle: 0 passed, 0 failed, 0 skipped, 0 timed out, 0 errors in 1.50 s");
  summary.gate.expectations_used = true;
  summary.gate.known_failures = 1;
  summary.gate.unexpected_passes.resize(2);
  summary.gate.unexpected_failures.resize(1);
  summary.gate.baseline = BaselineDiff{};
  summary.gate.baseline->regressions.resize(1);
  EXPECT_EQ(final_line(summary),
            "settle: 0 passed, 0 failed, 0 skipped, 0 timed out, 0 errors, 1 known failure, 2 "
            "unexpected passes, 1 regression, 0 fixes, 1 unexpected failure in 1.50 s");
}

}  // namespace
}  // namespace settle
