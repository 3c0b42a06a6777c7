// End-to-end tests of settle's GitHub Actions outputs: the ::error annotations at each failing
// case's file and line, at most 50 of them, and the job summary appended to GITHUB_STEP_SUMMARY
// within GitHub's 65,535 bytes; both on by themselves when GITHUB_ACTIONS=true.
#include <regex>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.rfind(prefix, 0) == 0) found.push_back(line);
    start = end + 1;
  }
  return found;
}

TEST(GitHub, AnnotatesEachUnexpectedFailureAtItsCaseAndWritesTheJobSummary) {
  TempDir dir;
  dir.write("cases/area/file.json", R"json({
  "cases": [
    {"id": "passes", "code": "1", "expect": {"returns": 1}},
    {
      "id": "fails",
      "description": "a wrong expectation: 50%, with a colon, a comma\nand a newline",
      "code": "Promise.resolve(2)",
      "expect": {"fulfilled": 3}
    }
  ]
})json");
  dir.write("summary.md", "earlier step's summary\n");
  ProcessResult run = settle({"run", "cases", "--github"}, dir.path(),
                             {"GITHUB_STEP_SUMMARY=" + dir.file("summary.md")});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::vector<std::string> errors = lines_starting(run.out, "::error ");
  ASSERT_EQ(errors.size(), 1u) << run.out;
  EXPECT_EQ(errors[0].rfind("::error file=cases/area/file.json,line=4,title=area/file/fails "
                            "[duktape] fail::a wrong expectation%3A 50%25%2C",
                            0),
            std::string::npos)
      << "the message is data: only %, CR and LF are escaped there";
  EXPECT_EQ(
      errors[0].rfind("::error file=cases/area/file.json,line=4,title=area/file/fails "
                      "[duktape] fail::a wrong expectation: 50%25, with a colon, a comma%0Aand "
                      "a newline%0Aexpected fulfilled 3",
                      0),
      0u)
      << errors[0];
  std::string summary = read_file(dir.file("summary.md"));
  EXPECT_EQ(summary.rfind("earlier step's summary\n## settle results\n", 0), 0u)
      << "appended after what the step wrote before: " << summary.substr(0, 200);
  EXPECT_TRUE(contains(summary, "| duktape | duktape 2.7.0 | 1 | 1 | 0 | 0 | 0 | 2 |")) << summary;
}

TEST(GitHub, IsOnWhenGithubActionsIsTrueAndKeepsToItsLimits) {
  TempDir dir;
  // 150 failing cases on two engines, with long messages: 50 annotations, then one line for the
  // other 250; a summary whose failure list would be over 64 KiB uncut.
  json cases = json::array();
  std::string long_description(2000, 'x');
  for (int i = 0; i < 150; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "c%03d", i);
    cases.push_back({{"id", id + std::string(300, 'x')},
                     {"description", long_description},
                     {"code", "'" + std::string(1500, 'y') + "'"},
                     {"expect", {{"returns", 1}}}});
  }
  dir.write("cases/many.json", json({{"cases", cases}}).dump());
  dir.write("summary.md", "");
  ProcessResult run =
      settle({"run", "cases", "-e", "duktape", "-e", "node"}, dir.path(),
             {"GITHUB_ACTIONS=true", "GITHUB_STEP_SUMMARY=" + dir.file("summary.md")});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(lines_starting(run.out, "::error ").size(), 50u);
  std::vector<std::string> warnings = lines_starting(run.out, "::warning ");
  ASSERT_EQ(warnings.size(), 1u) << run.out.substr(0, 2000);
  EXPECT_TRUE(contains(warnings[0], "250 more unexpected failures are not annotated"))
      << warnings[0];
  std::string summary = read_file(dir.file("summary.md"));
  EXPECT_LE(summary.size(), 65535u);
  EXPECT_TRUE(contains(summary, "## settle results"));
  EXPECT_TRUE(contains(summary, "to keep this summary within GitHub's 65,535 bytes"))
      << summary.size();
}

}  // namespace
}  // namespace settle::testing
