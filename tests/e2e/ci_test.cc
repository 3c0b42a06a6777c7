// End-to-end tests of what CI consumers rely on: JUnit XML that the Jenkins schema accepts and
// that avoids the consumers' known pitfalls, the run's settings as properties, the exit codes,
// --quiet and NO_COLOR on a terminal, and the one final line.
#include <filesystem>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "settle_cli.h"

namespace settle::testing {
namespace {

// Failures whose messages carry markup, a CDATA end, quotes, control characters and invalid
// UTF-8, and a case that prints; plus two files that do not load.
const char* const kHostile = R"json({"cases": [
  {"id": "a-markup", "description": "<failure> & ]]> \"quoted\" \u0001\u001b[31m",
   "code": "'<x> ]]> & \u0001\u0002 \u001b[31m'", "expect": {"returns": "y"}},
  {"id": "b-throws", "code": "throw new TypeError(']]><![CDATA[ \u0000 nul')",
   "expect": {"returns": 1}},
  {"id": "c-passes", "code": "1", "expect": {"returns": 1}},
  {"id": "d-skipped", "skip": "reason ]]> <here>", "code": "1", "expect": {"returns": 1}},
  {"id": "e-lone-surrogate", "code": "'\\ud800'", "expect": {"returns": "x"}},
  {"id": "f-timeout", "timeout_ms": 300, "code": "while (true) {}", "expect": {"returns": 1}}
]})json";

class JunitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("cases/hostile.json", kHostile);
    dir_.write("cases/also.json", kMixedCases);
    dir_.write("cases/broken-a.json", "{\"cases\": [}");
    dir_.write("cases/broken-b.json", "{\"cases\": [{\"id\": \"x\"}]}");
    engines_ = {"-e", "duktape"};
    if (engine_available("node")) engines_.insert(engines_.end(), {"-e", "node"});
  }
  std::string run_to_junit(std::vector<std::string> extra = {},
                           const std::vector<std::string>& env = {}) {
    std::vector<std::string> args = {"run", "cases", "--junit", "r.xml", "--filter", "*"};
    args.insert(args.end(), engines_.begin(), engines_.end());
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessResult run = settle(args, dir_.path(), env);
    EXPECT_EQ(run.exit_code, 2) << "two files do not load: " << run.out << run.err;
    return read_file(dir_.file("r.xml"));
  }
  TempDir dir_;
  std::vector<std::string> engines_;
};

TEST_F(JunitTest, ValidatesAgainstTheJenkinsSchema) {
  run_to_junit();
  std::string schema = std::string(SETTLE_SOURCE_DIR) + "/../shared/junit/jenkins-junit-10.xsd";
  if (!std::filesystem::exists(schema)) GTEST_SKIP() << "no schema at " << schema;
  ProcessResult valid = run_process({"xmllint", "--noout", "--schema", schema, dir_.file("r.xml")});
  EXPECT_EQ(valid.exit_code, 0) << valid.err << read_file(dir_.file("r.xml"));
}

TEST_F(JunitTest, AvoidsTheConsumersPitfalls) {
  std::string xml = run_to_junit();
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str())) << xml;

  EXPECT_EQ(xml.find("]]>"), std::string::npos) << "a CDATA end is split or escaped";
  for (unsigned char c : xml) {
    EXPECT_FALSE(c < 0x20 && c != '\n' && c != '\t' && c != '\r') << "control byte " << int(c);
  }
  std::regex seconds(R"(\d+\.\d{3})");
  std::size_t suites = 0, failures = 0, errors = 0;
  for (pugi::xml_node suite : document.child("testsuites").children("testsuite")) {
    ++suites;
    EXPECT_STRNE(suite.attribute("name").value(), "") << "every suite has a name";
    EXPECT_TRUE(std::regex_match(suite.attribute("time").value(), seconds))
        << suite.attribute("time").value();
    std::set<std::pair<std::string, std::string>> names;
    for (pugi::xml_node testcase : suite.children("testcase")) {
      EXPECT_TRUE(
          names.emplace(testcase.attribute("classname").value(), testcase.attribute("name").value())
              .second)
          << "classname+name repeated: " << testcase.attribute("name").value();
      EXPECT_TRUE(std::regex_match(testcase.attribute("time").value(), seconds));
      for (const char* outcome : {"failure", "error"}) {
        for (pugi::xml_node node : testcase.children(outcome)) {
          (outcome[0] == 'f' ? failures : errors) += 1;
          EXPECT_STRNE(node.attribute("message").value(), "");
          EXPECT_STRNE(node.text().get(), "") << "no empty <" << outcome << "/>";
        }
      }
    }
  }
  EXPECT_GE(suites, 3u);
  EXPECT_GE(failures, 3u);
  EXPECT_GE(errors, 3u) << "the timeout and the two files that do not load";
  EXPECT_TRUE(contains(xml, "&lt;failure&gt; &amp; ]]&gt; \"quoted\" \\x01\\x1B[31m")) << xml;
}

TEST_F(JunitTest, TimesUseADotWhateverTheLocale) {
  std::string xml = run_to_junit({}, {"LC_ALL=de_DE.UTF-8", "LC_NUMERIC=de_DE.UTF-8"});
  EXPECT_FALSE(std::regex_search(xml, std::regex(R"(time="\d+,\d)"))) << xml;
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"(time="\d+\.\d{3}")")));
}

TEST_F(JunitTest, RecordsTheRunsSettingsAsProperties) {
  std::string xml = run_to_junit({"--shard", "1/1", "--timeout", "4000"});
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str()));
  pugi::xml_node suite = document.child("testsuites").child("testsuite");
  std::map<std::string, std::string> properties;
  for (pugi::xml_node property : suite.child("properties").children("property")) {
    properties[property.attribute("name").value()] = property.attribute("value").value();
  }
  EXPECT_EQ(properties["engine.duktape"], "duktape 2.7.0");
  if (engines_.size() > 2) {
    EXPECT_EQ(properties["engines"], "duktape,node");
    EXPECT_EQ(properties["engine.node"].rfind("node v", 0), 0u) << properties["engine.node"];
  }
  EXPECT_EQ(properties["filters"], "*");
  EXPECT_EQ(properties["shard"], "1/1");
  EXPECT_EQ(properties["timeout_ms"], "4000");
  EXPECT_EQ(properties["settle_version"], "0.1.0");
}

TEST(ExitStatus, FollowsTheDesign) {
  TempDir dir;
  dir.write("cases/ok.json",
            R"json({"cases": [{"id": "a", "code": "1", "expect": {"returns": 1}}]})json");
  EXPECT_EQ(settle({"run", "cases"}, dir.path()).exit_code, 0);
  dir.write("cases/ko.json",
            R"json({"cases": [{"id": "a", "code": "1", "expect": {"returns": 2}}]})json");
  EXPECT_EQ(settle({"run", "cases"}, dir.path()).exit_code, 1);
  EXPECT_EQ(settle({"run", "cases", "--no-such-option"}, dir.path()).exit_code, 2);
  EXPECT_EQ(settle({"diff", "only-one.json"}, dir.path()).exit_code, 2);
  EXPECT_EQ(settle({"diff", "a.json", "b.json"}, dir.path()).exit_code, 2) << "unreadable";
  EXPECT_EQ(settle({"run", "cases", "--baseline", "nope.json"}, dir.path()).exit_code, 2);
  EXPECT_EQ(settle({"run", "cases", "--html", "no/folder/page.html"}, dir.path()).exit_code, 2);
  EXPECT_EQ(settle({"run", "cases", "-e", "no-such-engine"}, dir.path()).exit_code, 2);
}

TEST(FinalLine, IsTheLastLineAndGrepable) {
  TempDir dir;
  dir.write("cases/mixed.json", kMixedCases);
  for (bool quiet : {false, true}) {
    std::vector<std::string> args = {"run", "cases"};
    if (quiet) args.push_back("--quiet");
    ProcessResult run = settle(args, dir.path());
    ASSERT_FALSE(run.out.empty());
    std::string last = run.out.substr(run.out.rfind('\n', run.out.size() - 2) + 1);
    EXPECT_TRUE(std::regex_match(
        last, std::regex(R"(settle: 2 passed, 2 failed, 0 skipped, 0 timed out, 0 errors in )"
                         R"(\d+\.\d\d s\n)")))
        << last;
    if (quiet) {
      EXPECT_EQ(run.out, last) << "--quiet prints only the final line";
    }
  }
}

// Runs settle on a pseudo-terminal (util-linux `script`), where progress and colour are on
// unless NO_COLOR or --quiet says otherwise.
ProcessResult on_a_terminal(const TempDir& dir, const std::string& args,
                            const std::vector<std::string>& env) {
  return run_process({"script", "-qefc", settle_binary() + " " + args, "/dev/null"}, dir.path(),
                     env);
}

TEST(Terminal, ProgressAndColourUnlessNoColorOrQuiet) {
  if (run_process({"sh", "-c", "command -v script"}).exit_code != 0) {
    GTEST_SKIP() << "no `script` (util-linux) to make a terminal";
  }
  TempDir dir;
  dir.write("cases/mixed.json", kMixedCases);
  ProcessResult plain = on_a_terminal(dir, "run cases", {});
  EXPECT_TRUE(contains(plain.out, "\x1b[2K[1/4]")) << "a progress line: " << plain.out;
  EXPECT_TRUE(contains(plain.out, "\x1b[1;31mFAIL")) << plain.out;
  EXPECT_TRUE(contains(plain.out, "\r\x1b[2K\x1b[1;31mFAIL")) << "progress cleared first";

  ProcessResult no_color = on_a_terminal(dir, "run cases", {"NO_COLOR=1"});
  EXPECT_FALSE(contains(no_color.out, "\x1b")) << no_color.out;
  EXPECT_TRUE(contains(no_color.out, "FAIL mixed/b-agree-fail")) << no_color.out;

  ProcessResult quiet = on_a_terminal(dir, "run cases --quiet", {});
  EXPECT_FALSE(contains(quiet.out, "[1/4]")) << quiet.out;
  EXPECT_FALSE(contains(quiet.out, "FAIL")) << quiet.out;
  EXPECT_EQ(quiet.out.rfind("settle: 2 passed, 2 failed", 0), 0u) << quiet.out;
}

}  // namespace
}  // namespace settle::testing
