// The JUnit report against what GitLab's unit test reports parse (docs.gitlab.com/ci/testing/
// unit_test_reports): a test case per classname and name (a duplicate is ignored), its time in
// seconds, the text of failure, error and skipped as the reason shown (their attributes are not
// read), and a file under 30 MB. Jenkins's schema (junit_test) forbids testcase's `file`
// attribute, which GitLab would show; settle keeps to the schema and writes none.
#include <pugixml.hpp>

#include <set>

#include "settle_cli.h"

namespace settle::testing {
namespace {

TEST(GitLabJunit, EveryTestCaseIsOneGitLabCanShowWithItsReason) {
  TempDir dir;
  std::string cases = std::string(SETTLE_SOURCE_DIR) + "/cases";
  std::string test262 = std::string(SETTLE_SOURCE_DIR) + "/tests/test262";
  dir.write("cases/more.json", std::string(R"json({"cases": [
    {"id": "fails", "code": "Promise.resolve(2)", "expect": {"fulfilled": 3}},
    {"id": "loops", "timeout_ms": 300, "code": "while (true) {}", "expect": {"returns": 1}},
    {"id": "skipped", "skip": "not today", "code": "1", "expect": {"returns": 1}}
  ]})json"));
  ProcessResult run =
      settle({"run", cases, dir.file("cases"), test262 + "/test/async", "--test262-dir", test262,
              "-e", "duktape", "-e", "node", "--junit", dir.file("r.xml")});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  std::string text = read_file(dir.file("r.xml"));
  EXPECT_LT(text.size(), 30u << 20);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(text.c_str()));
  std::set<std::pair<std::string, std::string>> keys;
  std::map<std::string, int> outcomes;
  for (pugi::xpath_node found : document.select_nodes("/testsuites/testsuite/testcase")) {
    pugi::xml_node testcase = found.node();
    std::string classname = testcase.attribute("classname").value();
    std::string name = testcase.attribute("name").value();
    SCOPED_TRACE(classname + " " + name);
    EXPECT_FALSE(classname.empty());
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(keys.emplace(classname, name).second) << "GitLab would drop this duplicate";
    std::string time = testcase.attribute("time").value();
    EXPECT_TRUE(!time.empty() && time.find_first_not_of("0123456789.") == std::string::npos)
        << time;
    for (pugi::xml_node outcome : testcase.children()) {
      std::string element = outcome.name();
      if (element == "system-out") continue;
      ++outcomes[element];
      EXPECT_TRUE(element == "failure" || element == "error" || element == "skipped") << element;
      EXPECT_FALSE(std::string(outcome.text().get()).empty()) << element << " without a reason";
    }
  }
  EXPECT_GT(keys.size(), 1000u);
  EXPECT_GE(outcomes["failure"], 2);  // the wrong expectation, on both engines
  EXPECT_GE(outcomes["error"], 2);    // the loop's timeout
  EXPECT_GE(outcomes["skipped"], 2);
}

}  // namespace
}  // namespace settle::testing
