#include "reports/junit_reporter.h"
#include "xml_text_checker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>

#include "reports/xml_text.h"

namespace settle {
namespace {

using settle::testing::is_xml_text;

using namespace std::string_literals;

// Hostile texts: markup, CDATA end, quotes, newlines, control bytes, invalid UTF-8.
const std::string kHostileId = "a\"b'c<d>&e]]>f\ng\th\x01i\x1Fj\x80k\xC3l\xEF\xBF\xBEm\0n"s;
const std::string kHostileMessage =
    "expected \"<fulfilled>\" & ]]> observed\x02 \xFF\xFE tail\x7F\nsecond <line> ]]>"s;

class JunitReporterTest : public ::testing::Test {
 protected:
  const Case& add_case(const std::string& file_prefix, const std::string& local_id,
                       const std::string& description = "") {
    Case& test = cases_.emplace_back();
    test.local_id = local_id;
    test.id = file_prefix + "/" + local_id;
    test.file = "cases/" + file_prefix + ".json";
    test.description = description;
    return test;
  }

  void add(const Case& test, const std::string& engine, Status status,
           const std::string& message = "", double duration_ms = 0,
           const std::string& printed = "") {
    Result result;
    result.test = &test;
    result.engine = engine;
    result.status = status;
    result.message = message;
    result.duration_ms = duration_ms;
    result.observed.printed = printed;
    reporter_.add(result);
    summary_.add(result);
  }

  void begin(std::vector<InputError> load_errors = {}) {
    RunInfo run;
    run.settle_version = "0.1.0";
    run.started = "2024-05-01T10:00:00Z";
    run.engines.push_back(EngineInfo{"duktape", "duktape 2.7.0", AdapterKind::kDuktape, {}});
    run.load_errors = std::move(load_errors);
    reporter_.begin(run);
  }

  // Renders and parses the report; fails the test when it is not well-formed XML text.
  pugi::xml_node render() {
    text_ = reporter_.render(summary_);
    EXPECT_TRUE(is_xml_text(text_)) << text_;
    pugi::xml_parse_result parsed = document_.load_buffer(text_.data(), text_.size());
    EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset << "\n" << text_;
    return document_.child("testsuites");
  }

  static std::vector<pugi::xml_node> children(pugi::xml_node node, const char* name) {
    std::vector<pugi::xml_node> found;
    for (pugi::xml_node child : node.children(name)) found.push_back(child);
    return found;
  }

  std::deque<Case> cases_;
  JunitReporter reporter_{"unused.xml"};
  Summary summary_;
  std::string text_;
  pugi::xml_document document_;
};

TEST_F(JunitReporterTest, EmptyRunIsAnEmptyTestsuites) {
  begin();
  pugi::xml_node root = render();
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("tests").value(), "0");
  EXPECT_FALSE(root.child("testsuite"));
  EXPECT_EQ(text_.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
}

TEST_F(JunitReporterTest, OneTestsuitePerEngineAndFile) {
  begin();
  const Case& a = add_case("finally/basics", "one");
  const Case& b = add_case("finally/basics", "two");
  const Case& c = add_case("then/order", "three");
  add(a, "duktape", Status::kPass);
  add(b, "duktape", Status::kPass);
  add(c, "duktape", Status::kPass);
  add(a, "node", Status::kPass);
  pugi::xml_node root = render();
  auto suites = children(root, "testsuite");
  ASSERT_EQ(suites.size(), 3u);
  EXPECT_STREQ(suites[0].attribute("name").value(), "duktape.finally/basics");
  EXPECT_STREQ(suites[1].attribute("name").value(), "duktape.then/order");
  EXPECT_STREQ(suites[2].attribute("name").value(), "node.finally/basics");
  EXPECT_EQ(children(suites[0], "testcase").size(), 2u);
  EXPECT_EQ(children(suites[1], "testcase").size(), 1u);
  EXPECT_EQ(children(suites[2], "testcase").size(), 1u);
}

TEST_F(JunitReporterTest, ClassnameIsEngineDotFileAndNameIsLocalId) {
  begin();
  add(add_case("finally/basics", "callback-gets-no-arguments"), "duktape", Status::kPass);
  pugi::xml_node testcase = render().child("testsuite").child("testcase");
  EXPECT_STREQ(testcase.attribute("classname").value(), "duktape.finally/basics");
  EXPECT_STREQ(testcase.attribute("name").value(), "callback-gets-no-arguments");
}

TEST_F(JunitReporterTest, CountsPerTestsuiteByStatus) {
  begin();
  const char* ids[] = {"p1", "p2", "f1", "s1", "t1", "e1", "e2"};
  Status statuses[] = {Status::kPass,    Status::kPass,  Status::kFail, Status::kSkip,
                       Status::kTimeout, Status::kError, Status::kError};
  for (int i = 0; i < 7; ++i) add(add_case("x/y", ids[i]), "duktape", statuses[i], "why");
  add(add_case("x/z", "f2"), "duktape", Status::kFail, "why");
  pugi::xml_node root = render();
  pugi::xml_node suite = root.find_child_by_attribute("testsuite", "name", "duktape.x/y");
  ASSERT_TRUE(suite);
  EXPECT_STREQ(suite.attribute("tests").value(), "7");
  EXPECT_STREQ(suite.attribute("failures").value(), "1");
  EXPECT_STREQ(suite.attribute("errors").value(), "3");
  EXPECT_STREQ(suite.attribute("skipped").value(), "1");
  pugi::xml_node other = root.find_child_by_attribute("testsuite", "name", "duktape.x/z");
  EXPECT_STREQ(other.attribute("tests").value(), "1");
  EXPECT_STREQ(other.attribute("failures").value(), "1");
  EXPECT_STREQ(other.attribute("errors").value(), "0");
  EXPECT_STREQ(other.attribute("skipped").value(), "0");
  EXPECT_STREQ(root.attribute("tests").value(), "8");
  EXPECT_STREQ(root.attribute("failures").value(), "2");
  EXPECT_STREQ(root.attribute("errors").value(), "3");
}

TEST_F(JunitReporterTest, PassHasNoOutcomeElement) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kPass, "ignored");
  pugi::xml_node testcase = render().child("testsuite").child("testcase");
  EXPECT_FALSE(testcase.child("failure"));
  EXPECT_FALSE(testcase.child("error"));
  EXPECT_FALSE(testcase.child("skipped"));
}

TEST_F(JunitReporterTest, FailureCarriesFirstLineAsMessageAndFullTextAsBody) {
  begin();
  add(add_case("f", "a", "what it checks"), "duktape", Status::kFail,
      "expected fulfilled 2\nobserved rejected 1");
  pugi::xml_node failure = render().child("testsuite").child("testcase").child("failure");
  ASSERT_TRUE(failure);
  EXPECT_STREQ(failure.attribute("message").value(), "expected fulfilled 2");
  EXPECT_STREQ(failure.attribute("type").value(), "fail");
  std::string body = failure.text().get();
  EXPECT_NE(body.find("what it checks"), std::string::npos) << body;
  EXPECT_NE(body.find("expected fulfilled 2\nobserved rejected 1"), std::string::npos) << body;
}

TEST_F(JunitReporterTest, TimeoutAndErrorAreErrorElements) {
  begin();
  add(add_case("f", "slow"), "duktape", Status::kTimeout, "timed out after 5000 ms");
  add(add_case("f", "crash"), "duktape", Status::kError, "engine crashed");
  auto testcases = children(render().child("testsuite"), "testcase");
  ASSERT_EQ(testcases.size(), 2u);
  EXPECT_STREQ(testcases[0].child("error").attribute("type").value(), "timeout");
  EXPECT_STREQ(testcases[0].child("error").attribute("message").value(), "timed out after 5000 ms");
  EXPECT_STREQ(testcases[1].child("error").attribute("type").value(), "error");
  EXPECT_FALSE(testcases[0].child("failure"));
}

TEST_F(JunitReporterTest, SkipIsASkippedElementWithTheReason) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kSkip, "lacks feature Symbol");
  pugi::xml_node testcase = render().child("testsuite").child("testcase");
  EXPECT_STREQ(testcase.child("skipped").attribute("message").value(), "lacks feature Symbol");
  EXPECT_FALSE(testcase.child("failure"));
}

TEST_F(JunitReporterTest, FailureWithoutMessageIsNotEmpty) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kFail, "");
  render();
  pugi::xml_node failure = document_.select_node("//failure").node();
  ASSERT_TRUE(failure);
  EXPECT_STRNE(failure.attribute("message").value(), "");
  EXPECT_EQ(text_.find("<failure/>"), std::string::npos) << text_;
}

TEST_F(JunitReporterTest, TimesAreSecondsWithADotDecimal) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kPass, "", 1500);
  add(add_case("f", "b"), "duktape", Status::kPass, "", 250);
  summary_.seconds = 2.25;
  pugi::xml_node root = render();
  auto testcases = children(root.child("testsuite"), "testcase");
  ASSERT_EQ(testcases.size(), 2u);
  EXPECT_STREQ(testcases[0].attribute("time").value(), "1.500");
  EXPECT_STREQ(testcases[1].attribute("time").value(), "0.250");
  EXPECT_STREQ(root.child("testsuite").attribute("time").value(), "1.750");
  EXPECT_STREQ(root.attribute("time").value(), "2.250");
}

TEST_F(JunitReporterTest, PrintedOutputGoesToSystemOut) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kFail, "m", 0, "Test262:AsyncTestComplete\n");
  pugi::xml_node testcase = render().child("testsuite").child("testcase");
  EXPECT_STREQ(testcase.child("system-out").text().get(), "Test262:AsyncTestComplete\n");
}

TEST_F(JunitReporterTest, InputErrorsAreErrorTestcases) {
  begin({InputError{"cases/bad.json", {3, 7}, "cases[0].id", "must match [a-z0-9][a-z0-9-]*"}});
  pugi::xml_node suite = render().child("testsuite");
  ASSERT_TRUE(suite);
  EXPECT_STREQ(suite.attribute("errors").value(), "1");
  pugi::xml_node error = suite.child("testcase").child("error");
  ASSERT_TRUE(error);
  EXPECT_NE(std::string(error.attribute("message").value()).find("cases/bad.json:3:7"),
            std::string::npos);
}

TEST_F(JunitReporterTest, HostileIdsAndEngineRoundTripSanitised) {
  begin();
  const std::string prefix = "fi\"le<&>/x]]>\ny";
  const std::string engine = "en<g>i&ne\"\x05";
  add(add_case(prefix, kHostileId), engine, Status::kPass);
  pugi::xml_node root = render();
  pugi::xml_node suite = root.child("testsuite");
  pugi::xml_node testcase = suite.child("testcase");
  EXPECT_EQ(suite.attribute("name").value(), xml_safe_text(engine + "." + prefix));
  EXPECT_EQ(testcase.attribute("classname").value(), xml_safe_text(engine + "." + prefix));
  EXPECT_EQ(testcase.attribute("name").value(), xml_safe_text(kHostileId));
}

TEST_F(JunitReporterTest, HostileMessageRoundTripsSanitisedInAttributeAndBody) {
  begin();
  add(add_case("f", "a", "desc \"<&>\" ]]> \x03 \xC0\xAF"), "duktape", Status::kFail,
      kHostileMessage);
  pugi::xml_node failure = render().child("testsuite").child("testcase").child("failure");
  ASSERT_TRUE(failure);
  std::string first_line = kHostileMessage.substr(0, kHostileMessage.find('\n'));
  EXPECT_EQ(failure.attribute("message").value(), xml_safe_text(first_line));
  EXPECT_EQ(failure.text().get(),
            xml_safe_text("desc \"<&>\" ]]> \x03 \xC0\xAF\n" + kHostileMessage));
}

TEST_F(JunitReporterTest, NewlinesInAttributesSurviveParsing) {
  begin();
  add(add_case("f", "line1\nline2\r\tend"), "duktape", Status::kPass);
  pugi::xml_node testcase = render().child("testsuite").child("testcase");
  EXPECT_STREQ(testcase.attribute("name").value(), "line1\nline2\r\tend");
}

TEST_F(JunitReporterTest, HostileSkipReasonAndPrintedOutputAreWellFormed) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kSkip, kHostileMessage);
  add(add_case("f", "b"), "duktape", Status::kError, "x", 0, "printed ]]> <&> \x01\xFF");
  pugi::xml_node suite = render().child("testsuite");
  auto testcases = children(suite, "testcase");
  ASSERT_EQ(testcases.size(), 2u);
  std::string first_line = kHostileMessage.substr(0, kHostileMessage.find('\n'));
  EXPECT_EQ(testcases[0].child("skipped").attribute("message").value(), xml_safe_text(first_line));
  EXPECT_EQ(testcases[1].child("system-out").text().get(),
            xml_safe_text("printed ]]> <&> \x01\xFF"));
}

TEST_F(JunitReporterTest, EndWritesTheRenderedDocument) {
  auto path = std::filesystem::temp_directory_path() /
              ("settle_junit_test_" + std::to_string(::getpid()) + ".xml");
  JunitReporter reporter(path.string());
  RunInfo run;
  run.started = "2024-05-01T10:00:00Z";
  reporter.begin(run);
  Case test;
  test.id = "f/a";
  test.local_id = "a";
  Result result;
  result.test = &test;
  result.engine = "duktape";
  result.status = Status::kFail;
  result.message = "boom";
  reporter.add(result);
  Summary summary;
  summary.add(result);
  reporter.end(summary);
  std::ifstream in(path);
  std::stringstream written;
  written << in.rdbuf();
  std::filesystem::remove(path);
  EXPECT_EQ(written.str(), reporter.render(summary));
  EXPECT_NE(written.str().find("boom"), std::string::npos);
}

TEST_F(JunitReporterTest, AKnownFailureIsSkippedWithItsReason) {
  begin();
  Result result;
  result.test = &add_case("f", "a");
  result.engine = "duktape";
  result.status = Status::kTimeout;
  result.message = "timed out after 5000 ms";
  result.known_failure = "slow on purpose";
  reporter_.add(result);
  summary_.add(result);
  pugi::xml_node root = render();
  pugi::xml_node suite = root.child("testsuite");
  EXPECT_STREQ(suite.attribute("skipped").value(), "1");
  EXPECT_STREQ(suite.attribute("errors").value(), "0");
  pugi::xml_node skipped = suite.child("testcase").child("skipped");
  ASSERT_TRUE(skipped) << text_;
  EXPECT_STREQ(skipped.attribute("message").value(), "known failure (timeout): slow on purpose");
  EXPECT_STREQ(skipped.attribute("type").value(), "known-failure");
  EXPECT_STREQ(skipped.text().get(), "timed out after 5000 ms");
  EXPECT_FALSE(suite.child("testcase").child("error"));
}

TEST_F(JunitReporterTest, ClassnameAndNameStayUniqueInASuite) {
  begin({InputError{"cases/x.json", {1, 1}, "", "invalid JSON"},
         InputError{"cases/x.json", {2, 1}, "", "another problem"}});
  const Case& one = add_case("f", "a");
  Case& two = cases_.emplace_back(one);  // another file whose cases map to the same names
  two.file = "cases/f.js";
  add(one, "duktape", Status::kPass);
  add(two, "duktape", Status::kFail, "m");
  pugi::xml_node root = render();
  std::set<std::string> names;
  for (pugi::xml_node suite : root.children("testsuite")) {
    for (pugi::xml_node testcase : suite.children("testcase")) {
      EXPECT_TRUE(names
                      .insert(std::string(testcase.attribute("classname").value()) + "|" +
                              testcase.attribute("name").value())
                      .second)
          << text_;
    }
  }
  EXPECT_EQ(names.size(), 4u);
  EXPECT_TRUE(names.count("duktape.f|a (2)")) << text_;
  EXPECT_TRUE(names.count("settle.load-errors|cases/x.json (2)")) << text_;
}

TEST_F(JunitReporterTest, NoFailureOrErrorElementIsEmpty) {
  begin();
  add(add_case("f", "a"), "duktape", Status::kFail, "");
  add(add_case("f", "b"), "duktape", Status::kError, "");
  render();
  for (const char* element : {"//failure", "//error"}) {
    pugi::xml_node node = document_.select_node(element).node();
    ASSERT_TRUE(node) << element;
    EXPECT_STRNE(node.text().get(), "") << element << " in " << text_;
  }
}

TEST_F(JunitReporterTest, ACdataEndNeverAppearsLiterally) {
  begin();
  add(add_case("f", "a", "desc ]]> end"), "duktape", Status::kFail, "message ]]> x\nbody ]]>");
  add(add_case("f", "b"), "duktape", Status::kSkip, "reason ]]>");
  pugi::xml_node root = render();
  EXPECT_EQ(text_.find("]]>"), std::string::npos) << text_;
  pugi::xml_node first = root.child("testsuite").child("testcase");
  EXPECT_STREQ(first.child("failure").attribute("message").value(), "message ]]> x");
  EXPECT_STREQ(first.next_sibling("testcase").child("skipped").attribute("message").value(),
               "reason ]]>");
}

}  // namespace
}  // namespace settle
