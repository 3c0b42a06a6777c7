// End-to-end tests of the engine comparison: the console matrix, the Markdown table and the HTML
// page, on real runs of duktape and node; the page is opened in a real headless Chromium.
#include <filesystem>
#include <regex>

#include "settle_cli.h"

namespace settle::testing {
namespace {

class ComparisonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!engine_available("node")) GTEST_SKIP() << "node is not installed";
    dir_.write("cases/mixed.json", kMixedCases);
    dir_.write("cases/more.json", R"json({"cases": [
      {"id": "arrow", "features": ["arrow-function"], "code": "1", "expect": {"returns": 1}},
      {"id": "hostile", "description": "<script>alert(1)</script> & \"quotes\" | pipes",
       "code": "'<b>bold</b> & </script>'", "expect": {"returns": "x"}}
    ]})json");
  }
  TempDir dir_;
};

TEST_F(ComparisonTest, ConsoleShowsTheCasesWhereEnginesDisagree) {
  ProcessResult run = settle({"run", "cases", "-e", "node", "-e", "duktape"}, dir_.path());
  EXPECT_EQ(run.exit_code, 1);
  // duktape skips more/arrow: a skip is not a disagreement, it is counted apart.
  EXPECT_TRUE(contains(run.out,
                       "engines disagree on 1 of 6 cases (1 case skipped by some engine: a skip "
                       "is not a disagreement):\n"
                       "case               duktape  node\n"
                       "mixed/c-to-sorted  fail     pass\n\n"))
      << run.out;
  EXPECT_FALSE(contains(run.out, "more/arrow         skip")) << run.out;
}

TEST_F(ComparisonTest, QuietLeavesTheMatrixOut) {
  ProcessResult run = settle({"run", "cases", "-e", "node", "-e", "duktape", "-q"}, dir_.path());
  EXPECT_FALSE(contains(run.out, "disagree")) << run.out;
}

TEST_F(ComparisonTest, MarkdownHasTheSummaryAndTheDisagreementTable) {
  ProcessResult run =
      settle({"run", "cases", "-e", "duktape", "-e", "node", "--markdown", "r.md"}, dir_.path());
  EXPECT_EQ(run.exit_code, 1);
  std::string markdown = read_file(dir_.file("r.md"));
  EXPECT_TRUE(contains(markdown, "| duktape | duktape 2.7.0 | 2 | 3 | 1 | 0 | 0 | 6 |"))
      << markdown;
  EXPECT_TRUE(contains(markdown,
                       "### Where the engines disagree (1 of 6 cases)\n\n"
                       "A skip is not a disagreement: the case that some engine skipped is "
                       "judged among the engines that ran it.\n\n"
                       "| case | duktape | node |\n|---|---|---|\n"
                       "| <code>mixed/c-to-sorted</code> | ❌ fail | ✅ pass |\n\n"))
      << markdown;
  EXPECT_FALSE(contains(markdown, "| <code>more/arrow</code>")) << markdown;
  EXPECT_TRUE(contains(markdown, "`settle: 6 passed, 5 failed, 1 skipped")) << markdown;
}

// Cases in folders: the rollup counts pass/total per engine for each area, disagreements first.
TEST_F(ComparisonTest, MarkdownAndHtmlOpenWithARollupByArea) {
  dir_.write("cases/area-b/deep/mixed.json", kMixedCases);
  dir_.write("cases/area-a/fine.json",
             R"json({"cases": [{"id": "one", "code": "1", "expect": {"returns": 1}}]})json");
  ProcessResult run = settle({"run", "cases/area-a", "cases/area-b", "-e", "duktape", "-e", "node",
                              "--markdown", "r.md", "--html", "r.html"},
                             dir_.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::string markdown = read_file(dir_.file("r.md"));
  EXPECT_TRUE(contains(markdown,
                       "### By area (pass/total)\n\n| area | cases | duktape | node |\n"
                       "|---|---:|---:|---:|\n"
                       "| <code>area-b</code> (1 disagree) | 4 | 2/4 | 3/4 |\n"
                       "| <code>area-a</code> | 1 | 1/1 | 1/1 |\n"
                       "| **all** (1 disagree) | 5 | 3/5 | 4/5 |\n"))
      << markdown;
  EXPECT_LT(markdown.find("### By area"), markdown.find("### Where the engines disagree"));
  std::string page = read_file(dir_.file("r.html"));
  std::size_t b = page.find(
      "<details class=\"area disagree\" open><summary><span "
      "class=\"area-name\">area-b</span>");
  std::size_t deep = page.find("<span class=\"area-name\">deep</span>");
  std::size_t a = page.find("<span class=\"area-name\">area-a</span>");
  ASSERT_NE(b, std::string::npos) << page.substr(0, 4000);
  EXPECT_LT(b, deep);  // area-b/deep folds inside area-b
  EXPECT_LT(b, a);     // the area with a disagreement first
  EXPECT_TRUE(contains(page, "<a href=\"#filter=area-b/deep/\">4 cases</a>"));
  EXPECT_TRUE(contains(page.substr(b, a - b), "node 3/4"));
  // The heatmap of areas × engines (the history dashboard's): pass/total shaded, and the interop
  // score (the cases that pass on both engines).
  EXPECT_TRUE(contains(page,
                       "<table class=\"heatmap\"><tr><th>area</th><th>duktape</th><th>node</th>"
                       "<th>interop</th></tr>\n<tr><td>area-a</td><td class=\"n heat\" "
                       "style=\"background:rgb(120,230,140)\">1/1</td>"))
      << page.substr(0, 4000);
  EXPECT_TRUE(contains(page,
                       "<tr><td>area-b</td><td class=\"n heat\" style=\"background:rgb(175,175,"
                       "140)\">2/4</td><td class=\"n heat\" style=\"background:rgb(147,202,140)"
                       "\">3/4</td><td class=\"n interop\">50%</td></tr>"));
}

// An area where one engine skips a case: the skip is counted apart, not as a disagreement.
TEST_F(ComparisonTest, AreasCountSkipsApartFromDisagreements) {
  dir_.write("cases/area-c/arrows.json", R"json({"cases": [
    {"id": "arrow", "features": ["arrow-function"], "code": "1", "expect": {"returns": 1}}
  ]})json");
  ProcessResult run = settle({"run", "cases/area-c", "-e", "duktape", "-e", "node", "--markdown",
                              "r.md", "--html", "r.html"},
                             dir_.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(contains(run.out,
                       "the 2 engines agree on all 1 cases (1 case skipped by some "
                       "engine: a skip is not a disagreement)"))
      << run.out;
  std::string markdown = read_file(dir_.file("r.md"));
  EXPECT_TRUE(
      contains(markdown, "| <code>area-c</code> (1 skipped by some engine) | 1 | 0/1 | 1/1 |\n"))
      << markdown;
  std::string page = read_file(dir_.file("r.html"));
  EXPECT_TRUE(contains(page,
                       "<details class=\"area\" open><summary><span class=\"area-name\">"
                       "area-c</span>"))
      << page.substr(0, 4000);
  EXPECT_TRUE(contains(page, "<span class=\"badge skipped\">1 skipped on some engine</span>"));
  EXPECT_TRUE(contains(page, "title=\"1 skipped\">0/1</td>")) << "the heatmap's cell";
  EXPECT_TRUE(contains(page,
                       "<tr data-id=\"area-c/arrows/arrow\"><th scope=\"row\"><span "
                       "class=\"id\">area-c/arrows/arrow</span><span class=\"badge "
                       "skipped\">skipped on 1</span>"))
      << page;
  EXPECT_TRUE(contains(page, "<strong id=\"disagreement-count\">0</strong>"));
}

class HtmlPageTest : public ComparisonTest {
 protected:
  void SetUp() override {
    ComparisonTest::SetUp();
    if (IsSkipped()) return;
    ProcessResult run =
        settle({"run", "cases", "-e", "duktape", "-e", "node", "--html", "page.html"}, dir_.path());
    ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
    page_ = read_file(dir_.file("page.html"));
  }
  std::string page_;
};

TEST_F(HtmlPageTest, IsSelfContained) {
  EXPECT_EQ(page_.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(contains(page_, "<style>")) << "inline style";
  EXPECT_TRUE(contains(page_, "<script>\n")) << "inline script";
  EXPECT_FALSE(contains(page_, "http:")) << "no network";
  EXPECT_FALSE(contains(page_, "https:"));
  EXPECT_FALSE(std::regex_search(page_, std::regex(R"(<(script|img|iframe)[^>]*\ssrc=)")));
  EXPECT_FALSE(contains(page_, "<link"));
  EXPECT_FALSE(contains(page_, "@import"));
}

TEST_F(HtmlPageTest, EscapesCaseTextAndPutsDisagreementsFirst) {
  EXPECT_FALSE(contains(page_, "<script>alert(1)")) << "the description is escaped";
  EXPECT_TRUE(contains(page_, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
  EXPECT_FALSE(contains(page_, "<b>bold</b>"));
  std::size_t disagreement = page_.find("data-id=\"mixed/c-to-sorted\"");
  std::size_t agreement = page_.find("data-id=\"mixed/a-agree-pass\"");
  ASSERT_NE(disagreement, std::string::npos);
  ASSERT_NE(agreement, std::string::npos);
  EXPECT_LT(disagreement, agreement);
  // duktape skips more/arrow: not a disagreement, so it comes with the rest, by id, marked apart.
  std::size_t skipped = page_.find(
      "<tr data-id=\"more/arrow\"><th scope=\"row\"><span "
      "class=\"id\">more/arrow</span><span class=\"badge "
      "skipped\">skipped on 1</span>");
  ASSERT_NE(skipped, std::string::npos) << page_;
  EXPECT_GT(skipped, agreement);
  EXPECT_TRUE(contains(page_, "<strong id=\"disagreement-count\">1</strong>"));
  EXPECT_TRUE(contains(page_, "<span id=\"skipped-count\">1</span> skipped on some engine"));
}

// Runs the installed Chromium headless on the page; empty when there is no Chromium.
std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    if (run_process({"sh", "-c", std::string("command -v ") + name}).exit_code == 0) return name;
  }
  return "";
}

ProcessResult open_in_chromium(const std::string& browser, const TempDir& dir,
                               const std::vector<std::string>& what) {
  std::vector<std::string> argv = {"timeout",
                                   "120",
                                   browser,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + dir.file("chromium-profile")};
  argv.insert(argv.end(), what.begin(), what.end());
  return run_process(argv);
}

// The text of the first row of the matrix's body: its opening tag and its cells.
std::pair<std::string, std::string> first_matrix_row(const std::string& html) {
  std::size_t body = html.find("<tbody>", html.find("id=\"matrix\""));
  std::size_t open = html.find("<tr", body);
  std::size_t open_end = html.find('>', open);
  std::size_t close = html.find("</tr>", open_end);
  if (body == std::string::npos || close == std::string::npos) return {};
  return {html.substr(open, open_end - open + 1), html.substr(open_end + 1, close - open_end - 1)};
}

TEST_F(HtmlPageTest, RendersInHeadlessChromium) {
  std::string browser = chromium();
  if (browser.empty()) GTEST_SKIP() << "no chromium on PATH (apt-get install chromium)";
  std::string url = "file://" + dir_.file("page.html");
  ProcessResult dom = open_in_chromium(browser, dir_, {"--dump-dom", url});
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  const std::string& html = dom.out;
  // The summary per engine, with both engines and their counts.
  EXPECT_TRUE(std::regex_search(
      html, std::regex(R"(<tr data-engine="duktape"><td>duktape</td><td>duktape 2\.7\.0</td>)")))
      << html;
  EXPECT_TRUE(
      std::regex_search(html, std::regex(R"(<tr data-engine="node"><td>node</td><td>node v)")));
  // The known disagreement is the first row, marked, its cells fail on duktape and pass on node,
  // and each cell opens to what was expected and observed.
  auto [row, cells] = first_matrix_row(html);
  EXPECT_TRUE(contains(row, "class=\"disagree\"")) << row;
  EXPECT_TRUE(contains(row, "data-id=\"mixed/c-to-sorted\"")) << row;
  std::size_t duktape_cell = cells.find("<td class=\"cell fail\"><details><summary>fail");
  std::size_t node_cell = cells.find("<td class=\"cell pass\"><details><summary>pass");
  ASSERT_NE(duktape_cell, std::string::npos) << cells;
  ASSERT_NE(node_cell, std::string::npos) << cells;
  EXPECT_LT(duktape_cell, node_cell) << "columns in engine order";
  EXPECT_TRUE(contains(cells, "<dt>expected</dt><dd><pre>{\n  \"returns\": \"function\"\n}</pre>"))
      << cells;
  EXPECT_TRUE(contains(cells, "<dt>observed</dt><dd><pre>returns \"undefined\"</pre>")) << cells;
  EXPECT_TRUE(contains(cells, "<dt>log</dt>")) << cells;
  // The script put the cells' details in from the page's JSON, escaped.
  EXPECT_TRUE(contains(html,
                       "<dt>observed</dt><dd><pre>returns \"&lt;b&gt;bold&lt;/b&gt; &amp; "
                       "&lt;/script&gt;\"</pre>"))
      << html;
  EXPECT_FALSE(contains(html, "<b>bold</b>"));
  // The script ran: it counted the rows.
  EXPECT_TRUE(contains(html, "<span id=\"shown\">6 of 6 cases shown</span>")) << html;
}

TEST_F(HtmlPageTest, TheFilterBoxHidesRowsInChromium) {
  std::string browser = chromium();
  if (browser.empty()) GTEST_SKIP() << "no chromium on PATH (apt-get install chromium)";
  std::string url = "file://" + dir_.file("page.html") + "#filter=agree%20fail";
  ProcessResult dom = open_in_chromium(browser, dir_, {"--dump-dom", url});
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_TRUE(contains(dom.out, "<span id=\"shown\">1 of 6 cases shown</span>")) << dom.out;
  EXPECT_TRUE(std::regex_search(dom.out, std::regex(R"(<tr data-id="mixed/b-agree-fail"[^>]*>)")));
  EXPECT_FALSE(
      std::regex_search(dom.out, std::regex(R"(<tr data-id="mixed/b-agree-fail"[^>]*hidden)")));
  EXPECT_TRUE(
      std::regex_search(dom.out, std::regex(R"(<tr data-id="mixed/a-agree-pass"[^>]*hidden)")))
      << dom.out;

  ProcessResult only = open_in_chromium(
      browser, dir_, {"--dump-dom", "file://" + dir_.file("page.html") + "#disagreements"});
  EXPECT_TRUE(contains(only.out, "<span id=\"shown\">1 of 6 cases shown</span>")) << only.out;
  EXPECT_TRUE(std::regex_search(only.out, std::regex(R"(<tr data-id="more/arrow"[^>]*hidden)")))
      << "a case one engine skips is not a disagreement: " << only.out;
}

TEST_F(HtmlPageTest, ScreenshotIsATestArtifact) {
  std::string browser = chromium();
  if (browser.empty()) GTEST_SKIP() << "no chromium on PATH (apt-get install chromium)";
  std::filesystem::create_directories(SETTLE_ARTIFACT_DIR);
  std::string shot = std::string(SETTLE_ARTIFACT_DIR) + "/comparison.png";
  std::filesystem::remove(shot);
  ProcessResult run = open_in_chromium(
      browser, dir_,
      {"--screenshot=" + shot, "--window-size=1280,900", "file://" + dir_.file("page.html")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string png = read_file(shot);
  ASSERT_GT(png.size(), 1000u) << shot;
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  std::cout << "screenshot: " << shot << "\n";
}

}  // namespace
}  // namespace settle::testing
