// Every report format, over one fixed run (tests/unit/fixed_run.h, hostile strings included), is
// byte for byte its golden file in tests/unit/golden/. The goldens guard refactors of the reporters
// and of what feeds them; a deliberate change of a format is approved by tests/golden/approve.sh,
// which runs this test with SETTLE_APPROVE=1 so that it writes the files instead of comparing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fixed_run.h"
#include "reports/console_reporter.h"
#include "reports/github_reporter.h"
#include "reports/html_reporter.h"
#include "reports/json_reporter.h"
#include "reports/junit_reporter.h"
#include "reports/markdown_reporter.h"
#include "reports/result_store.h"

namespace settle {
namespace {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool approving() {
  const char* approve = std::getenv("SETTLE_APPROVE");
  return approve != nullptr && std::string(approve) == "1";
}

// Compares `text` with the golden file `name`, or (approving) writes it there.
void expect_golden(const std::string& text, const std::string& name) {
  const std::string path = std::string(SETTLE_GOLDEN_DIR) + "/" + name;
  if (approving()) {
    std::ofstream(path, std::ios::binary) << text;
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << "no golden file " << name << " (tests/golden/approve.sh)";
  EXPECT_EQ(text, read_file(path)) << name << " differs; if the change is meant, run "
                                   << "tests/golden/approve.sh and review the diff";
}

class ReportGoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixed_ = testing::fixed_run(make_);
    for (const Result& result : fixed_.results) store_.add(result);
    folder_ =
        fs::temp_directory_path() /
        ("settle-golden-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  template <typename Reporter>
  void feed(Reporter& reporter) {
    reporter.begin(fixed_.run);
    for (const Result& result : fixed_.results) reporter.add(result);
  }
  std::string file(const std::string& name) const { return (folder_ / name).string(); }

  testing::Results make_;
  testing::FixedRun fixed_;
  ResultStore store_;
  fs::path folder_;
};

TEST_F(ReportGoldenTest, Json) {
  JsonReporter reporter(file("report.json"));
  feed(reporter);
  reporter.end(fixed_.summary);
  expect_golden(read_file(file("report.json")), "fixed_run.json");
}

TEST_F(ReportGoldenTest, Junit) {
  JunitReporter reporter(file("report.xml"));
  feed(reporter);
  expect_golden(reporter.render(fixed_.summary), "fixed_run.xml");
}

TEST_F(ReportGoldenTest, Console) {
  for (bool quiet : {false, true}) {
    std::FILE* out = std::fopen(file("console.txt").c_str(), "wb");
    ASSERT_NE(out, nullptr);
    ConsoleOptions options;
    options.quiet = quiet;
    options.slowest = 3;
    ConsoleReporter reporter(out, options, nullptr, &store_);
    feed(reporter);
    reporter.end(fixed_.summary);
    std::fclose(out);
    expect_golden(read_file(file("console.txt")),
                  quiet ? "fixed_run_console_quiet.txt" : "fixed_run_console.txt");
  }
}

TEST_F(ReportGoldenTest, GithubAnnotationsAndSummary) {
  std::ostringstream annotations;
  GithubReporter reporter(annotations, file("summary.md"), store_);
  feed(reporter);
  reporter.end(fixed_.summary);
  expect_golden(annotations.str(), "fixed_run_github_annotations.txt");
  expect_golden(read_file(file("summary.md")), "fixed_run_github_summary.md");
}

TEST_F(ReportGoldenTest, Markdown) {
  MarkdownReporter reporter("unused.md", store_);
  feed(reporter);
  expect_golden(reporter.render(fixed_.summary), "fixed_run.md");
  expect_golden(reporter.render(fixed_.summary, 2), "fixed_run_cut.md");
}

TEST_F(ReportGoldenTest, Html) {
  HtmlReporter reporter("unused.html", store_);
  feed(reporter);
  expect_golden(reporter.render(fixed_.summary), "fixed_run.html");
}

}  // namespace
}  // namespace settle
