// Hostile input, end to end, on duktape and node: case files that are broken, huge, deep or full
// of control characters; case code that loops, eats memory, overflows the stack, throws what is
// not an Error, defeats the serialiser or floods the output; and the runner interrupted, pointed
// at a folder it cannot write, or out of disk. Each hostile case ends as `error` or `timeout` (or
// as what the language says, where it says something: a stack overflow is a RangeError), or its
// file is an input error at file:line:column; every other result reaches a JSON and a JUnit report
// that parse. Big inputs are made in the test's folder when it runs.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>

#include <chrono>
#include <filesystem>
#include <functional>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <thread>

#include "../unit/xml_text_checker.h"
#include "settle_cli.h"
#include "spawned.h"

namespace settle::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Both reports of a run, parsed; a report that does not parse fails the test.
struct Reports {
  json report;
  std::size_t junit_testcases = 0;
  std::string junit_text;
};

Reports read_reports(const std::string& dir) {
  Reports reports;
  std::string text = read_file(dir + "/r.json");
  try {
    reports.report = json::parse(text);  // throws on invalid JSON or UTF-8
  } catch (const json::exception& error) {
    ADD_FAILURE() << "r.json does not parse: " << error.what();
    return reports;
  }
  EXPECT_EQ(reports.report.value("format", ""), "settle-report/1");
  reports.junit_text = read_file(dir + "/r.xml");
  EXPECT_TRUE(is_xml_text(reports.junit_text)) << "r.xml has characters XML does not allow";
  pugi::xml_document document;
  pugi::xml_parse_result parsed =
      document.load_buffer(reports.junit_text.data(), reports.junit_text.size());
  EXPECT_TRUE(parsed) << "r.xml: " << parsed.description() << " at " << parsed.offset;
  for (pugi::xml_node suite : document.child("testsuites").children("testsuite")) {
    for (pugi::xml_node testcase : suite.children("testcase")) {
      (void)testcase;
      ++reports.junit_testcases;
    }
  }
  ProcessResult lint = run_process({"xmllint", "--noout", "--huge", dir + "/r.xml"});
  if (lint.exit_code != 127) {  // 127: no xmllint here
    EXPECT_EQ(lint.exit_code, 0) << lint.err.substr(0, 2000);
  }
  // Every result and every input error is a test case of the JUnit report.
  if (reports.report.contains("results")) {
    EXPECT_EQ(reports.junit_testcases,
              reports.report["results"].size() + reports.report["load_errors"].size());
  }
  return reports;
}

const json& record(const json& report, const std::string& id) {
  for (const json& item : report["results"]) {
    if (item["id"] == id) return item;
  }
  static const json missing = {{"status", "missing"}, {"message", ""}};
  return missing;
}

std::string status_of(const Reports& reports, const std::string& id) {
  return record(reports.report, id)["status"];
}

std::string message_of(const Reports& reports, const std::string& id) {
  return record(reports.report, id)["message"];
}

// A case file of the given cases (a JSON array's text).
std::string case_file(const std::string& cases) { return "{\"cases\": [" + cases + "]}"; }

// Runs `cases` (case_file's list) on tests/e2e/misbehaving_engine.js, which answers each case's
// code word the wrong way (FLOOD, DUPKEY, ...), in `dir`; expects exit 1 and gives the reports.
Reports run_on_misbehaving_engine(const TempDir& dir, const std::string& cases) {
  dir.write("misbehaving.json", std::string(R"json({"name": "misbehaving", "adapter": "process",
    "command": ["node", ")json") + SETTLE_SOURCE_DIR +
                                    "/tests/e2e/misbehaving_engine.js\"]}");
  dir.write("cases/m.json", case_file(cases));
  ProcessResult run = settle({"run", "cases", "-e", dir.file("misbehaving.json"), "-j", "1",
                              "--json", "r.json", "--junit", "r.xml"},
                             dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  return read_reports(dir.path());
}

std::string a_case(const std::string& id, const std::string& code, const std::string& expect,
                   int timeout_ms = 0) {
  json item = {{"id", id}, {"code", code}, {"expect", json::parse(expect)}};
  if (timeout_ms > 0) item["timeout_ms"] = timeout_ms;
  return item.dump();
}

class Hostile : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = GetParam();
    if (engine_ != "duktape" && !engine_available(engine_)) {
      GTEST_SKIP() << engine_ << " is not installed here";
    }
  }

  // settle run on the test's cases/, with both reports; returns the parsed reports.
  Reports run(std::vector<std::string> extra = {}, int* exit_code = nullptr) {
    std::vector<std::string> args = {"run", "cases",  "-e",     engine_,   "-j",
                                     "2",   "--json", "r.json", "--junit", "r.xml"};
    args.insert(args.end(), extra.begin(), extra.end());
    last_ = settle(args, dir_.path());
    if (exit_code) *exit_code = last_.exit_code;
    return read_reports(dir_.path());
  }

  std::string engine_;
  TempDir dir_;
  ProcessResult last_;
};

// ---- case files -------------------------------------------------------------------------------

TEST_P(Hostile, MalformedJsonIsAnInputErrorAtItsPositionAndTheOtherFilesRun) {
  dir_.write("cases/a-good.json", case_file(a_case("fine", "1", R"({"returns": 1})")));
  dir_.write("cases/b-unclosed.json", "{\"cases\": [\n  {\"id\": \"x\", \"code\": \"1\"");
  dir_.write("cases/c-garbage.json", "{\"cases\": []}\n}}} trailing");
  dir_.write("cases/d-empty.json", "");
  dir_.write("cases/e-not-an-object.json", "[1, 2, 3]");
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 2) << last_.out << last_.err;
  EXPECT_EQ(status_of(reports, "a-good/fine"), "pass");
  const json& errors = reports.report["load_errors"];
  ASSERT_EQ(errors.size(), 4u) << errors.dump();
  EXPECT_TRUE(contains(last_.out, "cases/b-unclosed.json:2:")) << last_.out;
  EXPECT_TRUE(contains(last_.out, "cases/c-garbage.json:2:1: invalid JSON")) << last_.out;
  EXPECT_TRUE(contains(last_.out, "cases/d-empty.json:1:1: invalid JSON")) << last_.out;
  EXPECT_TRUE(
      contains(last_.out, "cases/e-not-an-object.json:1:1: a case file holds one JSON object"))
      << last_.out;
  for (const json& error : errors) {
    EXPECT_GE(error["line"].get<int>(), 1);
    EXPECT_GE(error["column"].get<int>(), 1);
  }
}

TEST_P(Hostile, InvalidUtf8IsAnInputErrorAndABomIsAccepted) {
  dir_.write("cases/a-bad-description.json",
             "{\"cases\": [\n  {\"id\": \"x\", \"description\": \"bad \xff\xfe here\", \"code\": "
             "\"1\", \"expect\": {\"returns\": 1}}\n]}");
  dir_.write(
      "cases/b-bad-code.json",
      "{\"cases\": [{\"id\": \"x\", \"code\": \"'\xc3\x28'\", \"expect\": {\"returns\": 1}}]}");
  dir_.write("cases/c-bom.json",
             "\xEF\xBB\xBF" + case_file(a_case("x", "'caf\xc3\xa9'", R"({"returns": "café"})")));
  dir_.write("cases/d-bad-comment.json", "// a comment with invalid UTF-8: \xff\xfe\n" +
                                             case_file(a_case("x", "1", R"({"returns": 1})")));
  // A file whose name is not UTF-8: its case ids and file paths are not either.
  dir_.write("cases/e-name-\xff.json", case_file(a_case("x", "2", R"({"returns": 3})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 2) << last_.out << last_.err;
  EXPECT_TRUE(contains(last_.out, "cases/a-bad-description.json:2:")) << last_.out;
  EXPECT_TRUE(contains(last_.out, "cases/b-bad-code.json:1:")) << last_.out;
  EXPECT_EQ(reports.report["load_errors"].size(), 2u) << reports.report["load_errors"].dump();
  EXPECT_EQ(status_of(reports, "c-bom/x"), "pass") << message_of(reports, "c-bom/x");
  EXPECT_EQ(status_of(reports, "d-bad-comment/x"), "pass");
  // The report writes the name's invalid byte as U+FFFD; the case ran and failed as it should.
  EXPECT_EQ(status_of(reports, "e-name-\xEF\xBF\xBD/x"), "fail") << reports.report["results"];
}

TEST_P(Hostile, ATenMegabyteFileRuns) {
  std::string big(10u << 20, 'x');
  dir_.write("cases/big.json",
             case_file(a_case("long-string", "var s = '" + big + "'; s.length",
                              "{\"returns\": " + std::to_string(big.size()) + "}", 60000) +
                       "," + a_case("after", "1", R"({"returns": 1})")));
  ASSERT_GT(fs::file_size(dir_.file("cases/big.json")), 10u << 20);
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 0) << last_.out << last_.err;
  EXPECT_EQ(status_of(reports, "big/long-string"), "pass")
      << message_of(reports, "big/long-string");
  EXPECT_EQ(status_of(reports, "big/after"), "pass");
}

TEST_P(Hostile, AHundredThousandCasesInOneFile) {
  constexpr int kCases = 100000;
  std::string cases;
  cases.reserve(kCases * 64);
  char id[16];
  for (int i = 0; i < kCases; ++i) {
    std::snprintf(id, sizeof id, "c%06d", i);
    if (i > 0) cases += ",\n";
    cases += std::string("{\"id\": \"") + id + "\", \"code\": \"" + std::to_string(i) +
             "\", \"expect\": {\"returns\": " + std::to_string(i) + "}}";
  }
  dir_.write("cases/many.json", case_file(cases));
  // Every case loads and is listed (once: loading does not depend on the engine); one in a
  // hundred of them runs in settle's own Duktape, one in a thousand on a process engine (a shard,
  // so the same ones on every machine), which is enough to check the reports at that scale of ids.
  const bool in_process = GetParam() == "duktape";
  if (in_process) {
    ProcessResult list = settle({"list", "cases"}, dir_.path());
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), kCases);
  }
  const int slices = in_process ? 100 : 1000;
  int status = 0;
  Reports reports = run({"--shard", "7/" + std::to_string(slices)}, &status);
  EXPECT_EQ(status, 0) << last_.out.substr(0, 2000) << last_.err;
  ASSERT_EQ(reports.report["results"].size(), static_cast<std::size_t>(kCases / slices));
  for (const json& item : reports.report["results"]) {
    ASSERT_EQ(item["status"], "pass") << item.dump();
  }
  EXPECT_EQ(reports.report["results"][0]["id"], "many/c000006");
}

TEST_P(Hostile, NestingTenThousandDeepIsAnInputErrorAndDeepCodeEndsItsCase) {
  std::string deep = std::string(10000, '[') + "1" + std::string(10000, ']');
  dir_.write("cases/deep-pattern.json",
             "{\"cases\": [\n  {\"id\": \"x\", \"code\": \"1\",\n   \"expect\": {\"returns\": " +
                 deep + "}}\n]}");
  dir_.write("cases/deep-root.json", deep);
  dir_.write(
      "cases/deep-code.json",
      case_file(
          a_case("array-literal", "eval('" + deep + "')", R"({"returns": {"$any": true}})", 30000) +
          "," +
          a_case("parentheses", std::string(10000, '(') + "1" + std::string(10000, ')'),
                 R"({"returns": 1})", 30000) +
          "," + a_case("after", "1", R"({"returns": 1})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 2) << last_.out << last_.err;
  std::regex deep_pattern(
      R"(cases/deep-pattern\.json:3:\d+: cases\[0\]\.expect\.returns: invalid JSON: .*nested deeper)");
  EXPECT_TRUE(std::regex_search(last_.out, deep_pattern)) << last_.out;
  EXPECT_TRUE(std::regex_search(last_.out, std::regex(R"(cases/deep-root\.json:1:\d+: )")))
      << last_.out;
  EXPECT_EQ(reports.report["load_errors"].size(), 2u);
  // Code nested that deep is the engine's to refuse (a SyntaxError or a RangeError) or to run.
  for (const char* id : {"deep-code/array-literal", "deep-code/parentheses"}) {
    std::string outcome = status_of(reports, id);
    EXPECT_TRUE(outcome == "pass" || outcome == "fail" || outcome == "error")
        << id << ": " << outcome << " " << message_of(reports, id);
  }
  EXPECT_EQ(status_of(reports, "deep-code/after"), "pass");
}

TEST_P(Hostile, QuotesNewlinesAndControlCharactersInIdsAndDescriptions) {
  const std::string description =
      "a \"quoted\"\nsecond line\t\x01\x07\x1b[31mred\x1b[0m ]]> <&> \x7f";
  json cases = json::array();
  cases.push_back({{"id", "a-fails"},
                   {"description", description},
                   {"code", "'\\u0000 \\u001b[2J\\u0007 ]]>'"},
                   {"expect", {{"returns", "no"}}}});
  cases.push_back({{"id", "b-passes"},
                   {"description", description},
                   {"code", "1"},
                   {"expect", {{"returns", 1}}}});
  dir_.write("cases/text.json", json({{"cases", cases}}).dump());
  dir_.write(
      "cases/bad-id-quote.json",
      "{\"cases\": [\n  {\"id\": \"a\\\"b\", \"code\": \"1\", \"expect\": {\"returns\": 1}}]}");
  dir_.write("cases/bad-id-newline.json",
             "{\"cases\": [{\"id\": \"a\\nb\", \"code\": \"1\", \"expect\": {\"returns\": 1}}]}");
  dir_.write(
      "cases/bad-id-control.json",
      "{\"cases\": [{\"id\": \"a\\u0001b\", \"code\": \"1\", \"expect\": {\"returns\": 1}}]}");
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 2) << last_.out << last_.err;
  EXPECT_TRUE(std::regex_search(
      last_.out, std::regex(R"(cases/bad-id-quote\.json:2:\d+: cases\[0\]\.id: must match)")))
      << last_.out;
  EXPECT_TRUE(contains(last_.out, "cases/bad-id-newline.json:1:")) << last_.out;
  EXPECT_TRUE(contains(last_.out, "cases/bad-id-control.json:1:")) << last_.out;
  EXPECT_EQ(reports.report["load_errors"].size(), 3u);
  EXPECT_EQ(status_of(reports, "text/a-fails"), "fail");
  EXPECT_EQ(status_of(reports, "text/b-passes"), "pass");
  // The JSON report gives the description back exactly; the JUnit report carries it safely.
  EXPECT_EQ(record(reports.report, "text/a-fails")["description"], description);
  EXPECT_TRUE(contains(reports.junit_text, "a &quot;quoted&quot;") ||
              contains(reports.junit_text, "a \"quoted\""))
      << reports.junit_text;
  // The console shows control characters, never sends them to the terminal.
  EXPECT_FALSE(contains(last_.out, "\x1b[31m")) << last_.out;
  EXPECT_FALSE(contains(last_.out, "\x07")) << last_.out;
  EXPECT_TRUE(contains(last_.out, "\\u001b[31mred")) << last_.out;
}

// ---- case code --------------------------------------------------------------------------------

TEST_P(Hostile, RunawayCodeEndsAsTimeoutOrErrorAndTheRestPass) {
  dir_.write(
      "cases/runaway.json",
      case_file(
          a_case("a-loop", "while (true) {}", R"({"returns": 1})", 1000) + "," +
          a_case("b-job-loop", "function f() { Promise.resolve().then(f); } f()",
                 R"({"returns": 1})", 1000) +
          "," +
          a_case("c-timer-loop", "function f() { setTimeout(f, 0); } f()", R"({"returns": 1})",
                 1000) +
          "," +
          a_case("d-memory-bomb", "var a = []; while (true) a.push({x: a.length, y: [1, 2, 3]});",
                 R"({"returns": 1})", 10000) +
          "," +
          a_case("e-string-bomb",
                 "var s = 'x', a = []; while (s.length < (1 << 20)) s += s; "
                 "while (true) a.push(s + a.length);",
                 R"({"returns": 1})", 120000) +
          "," +
          a_case("e2-buffer-bomb", "var a = []; while (true) a.push(new Uint8Array(1 << 24));",
                 R"({"throws": {"$error": "RangeError"}})", 120000) +
          "," + a_case("f-fine", "Promise.resolve(1)", R"({"fulfilled": 1})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 1);
  EXPECT_EQ(status_of(reports, "runaway/a-loop"), "timeout");
  EXPECT_EQ(status_of(reports, "runaway/b-job-loop"), "timeout");
  EXPECT_EQ(status_of(reports, "runaway/c-timer-loop"), "timeout");
  // A memory bomb ends at the engine's memory limit (an error), or at its deadline on a machine
  // too busy to fill the memory in time (a timeout): either way the run goes on. Small objects
  // fill a heap slowly, the collector marking ever more of them (jsc took 21 s to reach its limit,
  // 70 s beside other tests), so that bomb has 10 s; the string bomb reaches every engine's limit
  // within seconds.
  for (const char* id : {"runaway/d-memory-bomb", "runaway/e-string-bomb"}) {
    std::string outcome = status_of(reports, id);
    EXPECT_TRUE(outcome == "error" || outcome == "timeout")
        << id << ": " << outcome << " " << message_of(reports, id);
  }
  // Memory outside the JavaScript heap is bounded too: by the allocator's cap on Duktape (an
  // error), by the process's data limit on node (the allocation fails with a RangeError).
  std::string buffers = status_of(reports, "runaway/e2-buffer-bomb");
  EXPECT_TRUE(buffers == "error" || buffers == "pass")
      << buffers << ": " << message_of(reports, "runaway/e2-buffer-bomb");
  EXPECT_EQ(status_of(reports, "runaway/f-fine"), "pass");
}

TEST_P(Hostile, StackOverflowIsTheLanguagesRangeErrorWhereverItHappens) {
  const std::string range_error = R"({"$error": "RangeError"})";
  dir_.write(
      "cases/overflow.json",
      case_file(a_case("a-sync", "function f() { return f() + 1; } f()",
                       R"({"throws": )" + range_error + "}") +
                "," +
                a_case("b-in-a-job", "function f() { return f() + 1; } Promise.resolve().then(f)",
                       R"({"rejected": )" + range_error + "}") +
                "," +
                a_case("c-in-a-timer", "function f() { return f() + 1; } setTimeout(f, 0); 1",
                       R"({"returns": 1})") +
                "," +
                a_case("d-in-a-getter-the-serialiser-calls",
                       "function f() { return f() + 1; } ({ get x() { return f(); } })",
                       R"({"returns": {"x": 1}})") +
                "," +
                a_case("e-in-then",
                       "function f() { return f() + 1; } ({ then: function () { f(); } })",
                       R"({"rejected": )" + range_error + "}") +
                "," + a_case("f-fine", "1", R"({"returns": 1})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 1);
  EXPECT_EQ(status_of(reports, "overflow/a-sync"), "pass")
      << message_of(reports, "overflow/a-sync");
  EXPECT_EQ(status_of(reports, "overflow/b-in-a-job"), "pass")
      << message_of(reports, "overflow/b-in-a-job");
  // An exception that nothing can catch, in a timer callback, is an error of the case.
  EXPECT_EQ(status_of(reports, "overflow/c-in-a-timer"), "error");
  EXPECT_TRUE(contains(message_of(reports, "overflow/c-in-a-timer"), "RangeError"))
      << message_of(reports, "overflow/c-in-a-timer");
  EXPECT_EQ(status_of(reports, "overflow/d-in-a-getter-the-serialiser-calls"), "error");
  EXPECT_TRUE(contains(message_of(reports, "overflow/d-in-a-getter-the-serialiser-calls"),
                       "could not be serialised"));
  EXPECT_EQ(status_of(reports, "overflow/e-in-then"), "pass")
      << message_of(reports, "overflow/e-in-then");
  EXPECT_EQ(status_of(reports, "overflow/f-fine"), "pass");
}

TEST_P(Hostile, ThrowingWhatIsNotAnError) {
  dir_.write(
      "cases/throw.json",
      case_file(
          a_case("a-number", "throw 42", R"({"throws": 42})") + "," +
          a_case("b-undefined", "throw undefined", R"({"throws": {"$": "undefined"}})") + "," +
          a_case("c-null", "throw null", R"({"throws": null})") + "," +
          a_case("d-symbol", "throw Symbol('s')", R"({"throws": {"$symbol": "s"}})") + "," +
          a_case("e-function", "throw function named() {}", R"({"throws": {"$function": true}})") +
          "," +
          a_case(
              "f-object-whose-tostring-throws",
              "throw { toString: function () { throw new Error('no'); }, valueOf: "
              "function () { throw new Error('no'); } }",
              R"({"throws": {"toString": {"$function": true}, "valueOf": {"$function": true}}})") +
          "," +
          a_case("g-a-proxy-whose-traps-throw",
                 "throw new Proxy({}, { ownKeys: function () { throw new Error('trap'); }, "
                 "get: function () { throw new Error('trap'); } })",
                 R"({"throws": {}})") +
          "," +
          a_case("h-rejects-with-a-throwing-proxy",
                 "Promise.reject(new Proxy({}, { ownKeys: function () { throw 1; } }))",
                 R"({"rejected": {}})") +
          "," +
          a_case("i-in-a-job", "Promise.resolve().then(function () { throw 'text'; })",
                 R"({"rejected": "text"})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 1);
  for (const char* id :
       {"throw/a-number", "throw/b-undefined", "throw/c-null", "throw/d-symbol", "throw/e-function",
        "throw/f-object-whose-tostring-throws", "throw/i-in-a-job"}) {
    EXPECT_EQ(status_of(reports, id), "pass") << id << ": " << message_of(reports, id);
  }
  for (const char* id :
       {"throw/g-a-proxy-whose-traps-throw", "throw/h-rejects-with-a-throwing-proxy"}) {
    EXPECT_EQ(status_of(reports, id), "error") << id;
    EXPECT_TRUE(contains(message_of(reports, id), "could not be serialised"))
        << message_of(reports, id);
  }
}

TEST_P(Hostile, AValueWhoseSerialisationThrowsEndsItsCaseAsAnError) {
  const char* const kCases[][2] = {
      {"a-getter", "({ get x() { throw new Error('getter'); } })"},
      {"b-proxy-ownkeys", "new Proxy({}, { ownKeys: function () { throw new Error('trap'); } })"},
      {"c-proxy-get",
       "Promise.resolve(new Proxy({ a: 1 }, { get: function (t, k) { if (k === 'then') return "
       "undefined; throw new Error('trap'); } }))"},
      {"d-error-name-tostring",
       "var e = new Error('x'); e.name = { toString: function () { throw new Error('no'); } }; e"},
      {"e-error-message-getter",
       "var e = new Error('x'); Object.defineProperty(e, 'message', { get: function () { throw "
       "new Error('no'); } }); e"},
      {"f-function-name-getter",
       "var f = function () {}; Object.defineProperty(f, 'name', { get: function () { throw new "
       "Error('no'); } }); f"},
      {"g-in-the-log", "$log({ get x() { throw new Error('getter'); } }); 1"},
      {"h-throws-a-throwing-getter", "throw { get x() { throw 'inner'; } }"},
  };
  std::string cases;
  for (const auto& item : kCases) {
    cases += (cases.empty() ? "" : ",") + a_case(item[0], item[1], R"({"returns": 1})");
  }
  dir_.write("cases/serialise.json",
             case_file(cases + "," + a_case("z-fine", "1", R"({"returns": 1})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 1);
  for (const auto& item : kCases) {
    std::string id = std::string("serialise/") + item[0];
    EXPECT_EQ(status_of(reports, id), "error") << id << ": " << message_of(reports, id);
    EXPECT_TRUE(contains(message_of(reports, id), "could not be serialised"))
        << id << ": " << message_of(reports, id);
  }
  EXPECT_EQ(status_of(reports, "serialise/z-fine"), "pass");
}

// Each observation is past a report's budget of 100,000 values or 1 Mi characters (150,000 keys,
// not more: Hermes holds at most 196,607 properties on an object).
TEST_P(Hostile, AnObservationTooLargeToReportEndsItsCaseAsAnError) {
  dir_.write(
      "cases/large.json",
      case_file(
          a_case("a-wide-array", "var a = []; for (var i = 0; i < 300000; i++) a[i] = i; a",
                 R"({"returns": []})", 120000) +
          "," +
          a_case("b-many-keys", "var o = {}; for (var i = 0; i < 150000; i++) o['k' + i] = i; o",
                 R"({"returns": {}})", 120000) +
          "," +
          a_case("c-graph",
                 "var list = []; for (var i = 0; i < 20000; i++) list.push([i, i, i, i, i, i, "
                 "i, i, i, i]); list",
                 R"({"returns": []})", 120000) +
          "," +
          a_case("d-log-of-megabytes",
                 "var s = 'x'; while (s.length < (8 << 20)) s += s; $log(s); 1",
                 R"({"returns": 1})", 120000) +
          "," +
          a_case("e-many-logs", "for (var i = 0; i < 150000; i++) $log(i); 1", R"({"returns": 1})",
                 120000) +
          "," +
          a_case("f-megabyte-key",
                 "var s = 'k'; while (s.length < (4 << 20)) s += s; var o = {}; o[s] = 1; o",
                 R"({"returns": {}})", 120000) +
          "," + a_case("g-fine", "[1, [2, [3]]]", R"({"returns": [1, [2, [3]]]})")));
  int status = 0;
  Reports reports = run({}, &status);
  EXPECT_EQ(status, 1);
  for (const char* id : {"large/a-wide-array", "large/b-many-keys", "large/c-graph",
                         "large/d-log-of-megabytes", "large/e-many-logs", "large/f-megabyte-key"}) {
    EXPECT_EQ(status_of(reports, id), "error") << id << ": " << message_of(reports, id);
    EXPECT_TRUE(contains(message_of(reports, id), "larger than a report takes"))
        << id << ": " << message_of(reports, id);
  }
  EXPECT_EQ(status_of(reports, "large/g-fine"), "pass");
  // No record carries megabytes.
  for (const json& item : reports.report["results"]) {
    EXPECT_LT(item.dump().size(), 1u << 20) << item["id"];
  }
}

TEST_P(Hostile, PrintedOutputIsKeptToAMegabyte) {
  dir_.write("cases/print.json",
             case_file(a_case("a-prints-50-mb",
                              "var line = new Array(100001).join('p'); for (var i = 0; i < 500; "
                              "i++) print(line); 1",
                              R"({"returns": 1})", 120000) +
                       "," + a_case("b-fine", "1", R"({"returns": 1})")));
  int status = 0;
  Reports reports = run({}, &status);
  const json& printed = record(reports.report, "print/a-prints-50-mb");
  std::string outcome = printed["status"];
  EXPECT_TRUE(outcome == "pass" || outcome == "timeout") << outcome << " " << printed["message"];
  if (outcome == "pass") {
    EXPECT_LE(printed["observed"]["printed"].get<std::string>().size(), (1u << 20) + 100002);
  }
  EXPECT_EQ(status_of(reports, "print/b-fine"), "pass");
}

// ---- the runner itself ------------------------------------------------------------------------

// Quick failing cases (each prints a FAIL line as its result arrives), then two that never end:
// once the last FAIL line is out, both workers are inside an endless case.
void write_interruptible_cases(const TempDir& dir) {
  std::string cases;
  char id[16];
  for (int i = 0; i < 20; ++i) {
    std::snprintf(id, sizeof id, "a%02d", i);
    cases += a_case(id, std::to_string(i), R"({"returns": -1})") + ",";
  }
  cases += a_case("z-endless-1", "while (true) {}", R"({"returns": 1})", 3600000) + "," +
           a_case("z-endless-2", "while (true) {}", R"({"returns": 1})", 3600000);
  dir.write("cases/endless.json", case_file(cases));
}

void expect_interrupted_run(const std::string& engine, int signal_number) {
  TempDir dir;
  write_interruptible_cases(dir);
  Spawned run({settle_binary(), "run", "cases", "-e", engine, "-j", "2", "--json", "r.json",
               "--junit", "r.xml"},
              dir.path(), {"TMPDIR=" + dir.path()});
  ASSERT_TRUE(run.wait_for_output("FAIL endless/a19")) << run.out() << run.err();
  // Both workers are in an endless case now (an hour each): only the signal ends the run.
  run.signal(signal_number);
  int status = run.wait();
  EXPECT_EQ(status, 128 + signal_number) << run.out() << run.err();
  EXPECT_TRUE(contains(run.out(), "(interrupted)")) << run.out();

  Reports reports = read_reports(dir.path());
  EXPECT_EQ(reports.report["complete"], false);
  const json& results = reports.report["results"];
  ASSERT_EQ(results.size(), 20u) << results.dump().substr(0, 2000);
  for (std::size_t i = 0; i < results.size(); ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "endless/a%02zu", i);
    EXPECT_EQ(results[i]["id"], id);
    EXPECT_EQ(results[i]["status"], "fail");
  }
  EXPECT_EQ(reports.report["summary"][engine]["total"], 20);
  // No engine process outlives the run.
  EXPECT_TRUE(processes_naming(dir.path()).empty())
      << ::testing::PrintToString(processes_naming(dir.path()));
}

TEST_P(Hostile, SigintStopsTheRunPromptlyAndTheReportsKeepWhatFinished) {
  expect_interrupted_run(engine_, SIGINT);
}

TEST_P(Hostile, SigtermStopsTheRunPromptlyAndTheReportsKeepWhatFinished) {
  expect_interrupted_run(engine_, SIGTERM);
}

// SIGINT while node starts (issue 21): settle exited 130 with no report and left its driver's
// folder in TMPDIR. The child starts with SIGINT blocked, so that a signal sent before settle has
// installed its handler waits for it rather than killing it: each moment tests the handler, not
// how fast exec is.
TEST(HostileRunner, SigintAtTheStartStillWritesTheIncompleteReportsAndLeavesNothing) {
  for (int delay_ms : {0, 20, 50, 100}) {
    SCOPED_TRACE("SIGINT after " + std::to_string(delay_ms) + " ms");
    TempDir dir;
    dir.write("cases/slow.json",
              case_file(a_case("endless", "while (true) {}", R"({"returns": 1})", 3600000)));
    std::string tmp = dir.file("tmp");
    fs::create_directories(tmp);
    // Blocked before the fork, so that the child has it blocked from its first instruction.
    sigset_t blocked, before;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    pthread_sigmask(SIG_BLOCK, &blocked, &before);
    Spawned run(
        {settle_binary(), "run", "cases", "-e", "node", "--json", "r.json", "--junit", "r.xml"},
        dir.path(), {"TMPDIR=" + tmp});
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    run.signal(SIGINT);
    EXPECT_EQ(run.wait(), 130) << run.out() << run.err();
    ASSERT_TRUE(fs::exists(dir.file("r.json"))) << run.out() << run.err();
    Reports reports = read_reports(dir.path());
    EXPECT_EQ(reports.report["complete"], false);
    EXPECT_TRUE(fs::is_empty(tmp)) << "left in TMPDIR: " << fs::directory_iterator(tmp)->path();
    EXPECT_TRUE(processes_naming(dir.path()).empty())
        << ::testing::PrintToString(processes_naming(dir.path()));
  }
}

// Duktape, inside settle's process, and every process engine that is installed, but three whose
// answers differ from what these tests ask, as on main before the engines were added here:
// SpiderMonkey and QuickJS report a stack overflow as InternalError, not RangeError, and
// SpiderMonkey ends a case after a runaway one with an error; engine262, an interpreter written
// in JavaScript, recurses in node's stack and takes minutes over a large observation. These three
// run Shells/RunawayOutsideHostile (engines_test.cc) instead.
std::vector<std::string> hostile_engines() {
  std::vector<std::string> engines = {"duktape"};
  for (const std::string& engine : kProcessProfiles) {
    if (engine != "spidermonkey" && engine != "quickjs" && engine != "engine262")
      engines.push_back(engine);
  }
  return engines;
}

INSTANTIATE_TEST_SUITE_P(Engines, Hostile, ::testing::ValuesIn(hostile_engines()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

TEST(HostileRunner, AReportPathThatCannotBeWrittenFailsBeforeAnyCaseRuns) {
  TempDir dir;
  dir.write("cases/a.json", case_file(a_case("x", "1", R"({"returns": 1})")));
  dir.write("a-file", "not a folder");
  fs::create_directories(dir.file("a-folder"));
  fs::create_directories(dir.file("read-only"));
  fs::permissions(dir.file("read-only"), fs::perms::owner_read | fs::perms::owner_exec);
  struct Attempt {
    std::string option, path, says;
  };
  std::vector<Attempt> attempts = {
      {"--json", "missing/r.json", "the folder missing does not exist"},
      {"--junit", "missing/deeper/r.xml", "the folder missing/deeper does not exist"},
      {"--markdown", "a-file/r.md", "the folder a-file does not exist"},
      {"--html", "a-folder", "it is a folder"},
      {"--update-expectations", "/proc/settle-expectations.json", "cannot write to the folder"},
      {"--json", "/proc/settle-report.json", "cannot write to the folder"},
  };
  // Root may write anywhere but on a file system that refuses it (/proc above).
  if (geteuid() != 0) attempts.push_back({"--json", "read-only/r.json", "Permission denied"});
  for (const Attempt& attempt : attempts) {
    ProcessResult run = settle({"run", "cases", attempt.option, attempt.path}, dir.path());
    EXPECT_EQ(run.exit_code, 2) << attempt.path << "\n" << run.out << run.err;
    EXPECT_TRUE(contains(run.err, attempt.path)) << run.err;
    EXPECT_TRUE(contains(run.err, attempt.says)) << attempt.path << ": " << run.err;
    EXPECT_FALSE(contains(run.out, "passed")) << "no case should have run: " << run.out;
  }
  fs::permissions(dir.file("read-only"), fs::perms::owner_all);
}

TEST(HostileRunner, AFullDiskLeavesTheOldReportsUntouched) {
  TempDir dir;
  std::string cases;
  for (int i = 0; i < 400; ++i) {
    cases += (cases.empty() ? "" : ",") +
             a_case("case-" + std::to_string(i),
                    "'a result of some length: " + std::string(100, 'x') + "'",
                    R"({"returns": "something else"})");
  }
  dir.write("cases/many.json", case_file(cases));
  ProcessResult first = settle(
      {"run", "cases", "--json", "r.json", "--junit", "r.xml", "--filter", "*/case-1"}, dir.path());
  ASSERT_EQ(first.exit_code, 1) << first.err;
  std::string old_json = read_file(dir.file("r.json"));
  std::string old_xml = read_file(dir.file("r.xml"));
  ASSERT_LT(old_json.size(), 50000u);

  // The second run's reports are far larger than the file size limit: write() fails with EFBIG,
  // as it would with ENOSPC on a full disk.
  Spawned second({settle_binary(), "run", "cases", "--json", "r.json", "--junit", "r.xml"},
                 dir.path(), {}, [] {
                   ::signal(SIGXFSZ, SIG_IGN);
                   rlimit limit{};
                   limit.rlim_cur = limit.rlim_max = 50000;
                   setrlimit(RLIMIT_FSIZE, &limit);
                 });
  int status = second.wait();
  EXPECT_EQ(status, 4) << second.out() << second.err();
  EXPECT_TRUE(contains(second.err(), "cannot write r.json: File too large")) << second.err();
  EXPECT_TRUE(contains(second.err(), "cannot write r.xml: File too large")) << second.err();
  EXPECT_EQ(read_file(dir.file("r.json")), old_json);
  EXPECT_EQ(read_file(dir.file("r.xml")), old_xml);
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    std::string name = entry.path().filename().string();
    EXPECT_FALSE(name.rfind(".r.", 0) == 0) << "a temporary file was left: " << name;
  }
}

// The Markdown and HTML reports read the run's results back from a temporary file at the end; on a
// full disk the failure named that file (.settle-results), not the report (issue 21).
TEST(HostileRunner, AFullDiskNamesTheMarkdownAndHtmlReportsNotTheirTemporaryFile) {
  TempDir dir;
  std::string cases;
  for (int i = 0; i < 400; ++i) {
    cases += (cases.empty() ? "" : ",") +
             a_case("case-" + std::to_string(i),
                    "'a result of some length: " + std::string(100, 'x') + "'",
                    R"({"returns": "something else"})");
  }
  dir.write("cases/many.json", case_file(cases));
  Spawned run({settle_binary(), "run", "cases", "--markdown", "r.md", "--html", "r.html"},
              dir.path(), {}, [] {
                ::signal(SIGXFSZ, SIG_IGN);
                rlimit limit{};
                limit.rlim_cur = limit.rlim_max = 50000;
                setrlimit(RLIMIT_FSIZE, &limit);
              });
  int status = run.wait();
  EXPECT_EQ(status, 4) << run.out() << run.err();
  EXPECT_TRUE(contains(run.err(), "cannot write r.md: ")) << run.err();
  EXPECT_TRUE(contains(run.err(), "cannot write r.html: ")) << run.err();
  EXPECT_FALSE(contains(run.err(), "settle-results")) << run.err();
  EXPECT_FALSE(fs::exists(dir.file("r.md")));
  EXPECT_FALSE(fs::exists(dir.file("r.html")));
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << "left: " << entry.path();
  }
}

// A process engine that floods its output: settle reads at most a bounded amount, then ends the
// case as an error and the engine with it; the next case gets a new process.
TEST(HostileRunner, AnEngineThatPrintsGigabytesIsCutOffByTheRunner) {
  TempDir dir;
  Reports reports = run_on_misbehaving_engine(
      dir, a_case("a-flood-lines", "FLOOD", R"({"returns": 1})", 600000) + "," +
               a_case("b-fine", "1", R"({"returns": 1})") + "," +
               a_case("c-flood-one-line", "FLOODLINE", R"({"returns": 1})", 600000) + "," +
               a_case("d-flood-stderr", "FLOODERR", R"({"returns": 1})", 600000) + "," +
               a_case("e-fine", "1", R"({"returns": 1})"));
  EXPECT_EQ(status_of(reports, "m/a-flood-lines"), "error");
  EXPECT_TRUE(contains(message_of(reports, "m/a-flood-lines"), "without answering"))
      << message_of(reports, "m/a-flood-lines");
  EXPECT_EQ(status_of(reports, "m/c-flood-one-line"), "error");
  EXPECT_TRUE(contains(message_of(reports, "m/c-flood-one-line"), "printed a line longer than"))
      << message_of(reports, "m/c-flood-one-line");
  // Its stderr is read as it comes and only its tail kept: the case answers and passes.
  EXPECT_EQ(status_of(reports, "m/d-flood-stderr"), "pass")
      << message_of(reports, "m/d-flood-stderr");
  EXPECT_EQ(status_of(reports, "m/b-fine"), "pass");
  EXPECT_EQ(status_of(reports, "m/e-fine"), "pass");
}

// What a case that breaks the host's JSON encoder makes a driver write (issue 21): a repeated key,
// or a second value, that would forge "fulfilled 2" over the real "rejected 1". Either breaks the
// protocol: the case is an error that says so, never a pass, and the next case runs.
TEST(HostileRunner, AReplyWithARepeatedKeyOrTrailingDataIsAProtocolError) {
  TempDir dir;
  Reports reports = run_on_misbehaving_engine(
      dir, a_case("a-duplicate-key", "DUPKEY", R"({"fulfilled": 2})") + "," +
               a_case("b-trailing-value", "TRAILING", R"({"fulfilled": 2})") + "," +
               a_case("c-fine", "1", R"({"returns": 1})"));
  EXPECT_EQ(status_of(reports, "m/a-duplicate-key"), "error");
  EXPECT_TRUE(contains(message_of(reports, "m/a-duplicate-key"), "duplicate key \"state\""))
      << message_of(reports, "m/a-duplicate-key");
  EXPECT_EQ(status_of(reports, "m/b-trailing-value"), "error");
  EXPECT_TRUE(contains(message_of(reports, "m/b-trailing-value"), "not one JSON value"))
      << message_of(reports, "m/b-trailing-value");
  EXPECT_EQ(status_of(reports, "m/c-fine"), "pass") << message_of(reports, "m/c-fine");
}

// Runs settle in `dir` as a process that cannot hang the test or fill the machine's memory, as it
// would on /dev/zero or a FIFO without the regular-file check: it ends after 60 s (SIGALRM, 142)
// and cannot map more than 4 GiB.
ProcessResult bounded_settle(const std::vector<std::string>& args, const std::string& dir) {
  std::vector<std::string> argv = {settle_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  // A settle built with AddressSanitizer (make sanitize-subset, which sets ASAN_OPTIONS) maps
  // terabytes of shadow memory at start: it gets the alarm alone.
  bool sanitized = std::getenv("ASAN_OPTIONS") != nullptr;
  Spawned run(argv, dir, {}, [sanitized] {
    alarm(60);
#if !defined(__SANITIZE_ADDRESS__)
    if (!sanitized) {
      rlimit limit{};
      limit.rlim_cur = limit.rlim_max = rlim_t{4} << 30;
      setrlimit(RLIMIT_AS, &limit);
    }
#endif
  });
  ProcessResult result;
  result.exit_code = run.wait();
  result.out = run.out();
  result.err = run.err();
  return result;
}

// /dev/zero grew settle's memory without bound and a FIFO hung it (issue 21): every file a
// command reads is read only when it is a regular file, and refused naming it otherwise.
TEST(HostileRunner, AnInputThatIsADeviceAFifoOrAFolderIsRefusedNamingIt) {
  TempDir dir;
  dir.write("cases/a.json", case_file(a_case("x", "1", R"({"returns": 1})")));
  std::string fifo = dir.file("input.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  fs::create_directories(dir.file("a-folder"));
  struct Attempt {
    std::vector<std::string> args;
    std::string path, says;
  };
  std::vector<Attempt> attempts;
  for (const std::string& option :
       {std::string("--baseline"), std::string("--expectations"), std::string("--prelude")}) {
    attempts.push_back({{"run", "cases", option, "/dev/zero"}, "/dev/zero", "a character device"});
    attempts.push_back({{"run", "cases", option, fifo}, fifo, "a FIFO, not a regular file"});
    // The command line refuses a folder as --prelude before settle reads it.
    attempts.push_back({{"run", "cases", option, dir.file("a-folder")},
                        "a-folder",
                        option == "--prelude" ? "is actually a directory" : "it is a folder"});
  }
  attempts.push_back({{"diff", "/dev/zero", fifo}, "/dev/zero", "a character device"});
  attempts.push_back({{"diff", dir.file("a-folder"), fifo}, "a-folder", "it is a folder"});
  attempts.push_back({{"merge", fifo, "-o", "out.json"}, fifo, "a FIFO, not a regular file"});
  attempts.push_back({{"merge", "/dev/zero", "-o", "out.json"}, "/dev/zero", "character device"});
  for (const Attempt& attempt : attempts) {
    std::string command = ::testing::PrintToString(attempt.args);
    ProcessResult run = bounded_settle(attempt.args, dir.path());
    EXPECT_EQ(run.exit_code, 2) << command << "\n" << run.out << run.err;
    EXPECT_TRUE(contains(run.err, attempt.path)) << command << ": " << run.err;
    EXPECT_TRUE(contains(run.err, attempt.says)) << command << ": " << run.err;
    EXPECT_FALSE(contains(run.err, "unexpected end of input")) << command << ": " << run.err;
  }
  EXPECT_FALSE(fs::exists(dir.file("out.json")));
}

// --json /dev/null replaced /dev/null with a regular file (issue 21). A device or a FIFO is
// written to as it is; a link is written through, to the file it names, and stays a link.
TEST(HostileRunner, AReportOnADeviceAFifoOrALinkIsWrittenThroughNeverReplaced) {
  TempDir dir;
  dir.write("cases/a.json", case_file(a_case("x", "1", R"({"returns": 1})")));

  // Not /dev/null itself, which other processes use, where settle could replace it (as root): a
  // device like it of the test's own. Without root, /dev/null, which settle cannot replace then.
  std::string device = dir.file("null-device");
  int probe = mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0
                  ? open(device.c_str(), O_WRONLY)
                  : -1;
  if (probe < 0) device = "/dev/null";
  if (probe >= 0) close(probe);
  ProcessResult run = settle({"run", "cases", "--json", device, "--junit", device}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  struct stat status {};
  ASSERT_EQ(stat(device.c_str(), &status), 0);
  EXPECT_TRUE(S_ISCHR(status.st_mode)) << device << " is no longer a character device";

  fs::create_directories(dir.file("real"));
  fs::create_symlink(dir.file("real/report.json"), dir.file("link.json"));
  dir.write("real/report.json", "old");
  run = settle({"run", "cases", "--json", "link.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(fs::is_symlink(dir.file("link.json")));
  EXPECT_EQ(read_json(dir.file("real/report.json")).value("format", ""), "settle-report/1");
  for (const auto& entry : fs::directory_iterator(dir.file("real"))) {
    EXPECT_EQ(entry.path().filename(), "report.json") << "left behind";
  }

  fs::create_symlink(dir.file("nowhere/report.json"), dir.file("dangling.json"));
  run = settle({"run", "cases", "--json", "dangling.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(contains(run.err, "dangling.json: it is a symbolic link to nothing")) << run.err;
  EXPECT_TRUE(fs::is_symlink(dir.file("dangling.json")));

  std::string fifo = dir.file("report.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  run = settle({"run", "cases", "--json", fifo}, dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(contains(run.err, "report.fifo: it is a FIFO that nothing reads")) << run.err;
  int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  run = settle({"run", "cases", "--json", fifo}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  std::string written(65536, '\0');
  ssize_t got = read(reader, written.data(), written.size());
  close(reader);
  ASSERT_GT(got, 0);
  written.resize(static_cast<std::size_t>(got));
  EXPECT_TRUE(contains(written, "settle-report/1")) << written.substr(0, 200);
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
}

TEST(HostileRunner, OneFileForTwoReportsOrAReportOverAnInputIsBadUsage) {
  TempDir dir;
  std::string cases = dir.write("cases/a.json", case_file(a_case("x", "1", R"({"returns": 1})")));
  ProcessResult first = settle({"run", "cases", "--json", "base.json"}, dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  dir.write("pre.js", "var x = 1;");
  fs::create_symlink(dir.file("base.json"), dir.file("base-link.json"));
  std::string base_text = read_file(dir.file("base.json"));
  struct Attempt {
    std::vector<std::string> args;
    std::string says;
  };
  std::vector<Attempt> attempts = {
      {{"run", "cases", "--json", "r.json", "--junit", "r.json"},
       "--json r.json and --junit r.json name the same file"},
      {{"run", "cases", "--json", "r.json", "--html", "./cases/../r.json"}, "name the same file"},
      {{"run", "cases", "--baseline", "base.json", "--markdown", "base-link.json"},
       "--markdown base-link.json would replace --baseline base.json"},
      {{"run", "cases", "--prelude", "pre.js", "--junit", "pre.js"},
       "--junit pre.js would replace --prelude pre.js"},
      {{"run", "cases/a.json", "--json", cases}, "would replace the case file cases/a.json"},
      {{"merge", "base.json", "-o", "base-link.json"}, "-o base-link.json would replace"},
  };
  for (const Attempt& attempt : attempts) {
    std::string command = ::testing::PrintToString(attempt.args);
    ProcessResult run = settle(attempt.args, dir.path());
    EXPECT_EQ(run.exit_code, 2) << command << "\n" << run.out << run.err;
    EXPECT_TRUE(contains(run.err, attempt.says)) << command << ": " << run.err;
  }
  EXPECT_EQ(read_file(dir.file("base.json")), base_text);
  EXPECT_TRUE(fs::is_symlink(dir.file("base-link.json")));
  EXPECT_FALSE(fs::exists(dir.file("r.json")));
}

}  // namespace
}  // namespace settle::testing
