// Inputs that crashed the fuzz targets (tests/fuzz/), or that writing them showed would, each fed
// again here with the behaviour it must have. The crashing files themselves are in the targets'
// seed folders, which the fuzz_seeds.* tests run.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engines/host/host_report.h"
#include "engines/process/protocol.h"
#include "engines/profile.h"
#include "runner/corpus/case_file_loader.h"
#include "runner/corpus/test262_front_matter.h"
#include "runner/gate/expectations.h"
#include "runner/gate/report_reader.h"
#include "runner/input/json_source.h"
#include "runner/match/matcher.h"
#include "tests/unit/observed.h"

namespace settle {
namespace {

using nlohmann::json;

constexpr char kNonce[] = "settle-0123456789abcdef01234567";

// The InputError that `read` throws.
template <typename Read>
InputError input_error_of(Read read) {
  try {
    read();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError";
  return InputError("", kNoPosition, "", "");
}

// report_fuzzer: a number out of range escaped parse_report as nlohmann's out_of_range, so
// `settle diff` and `merge` aborted instead of naming the file (tests/fuzz/report/).
TEST(FuzzRegressions, ReportWithANumberOutOfRangeIsAnInputError) {
  InputError error = input_error_of([] { parse_report("9e999", "old.json"); });
  EXPECT_EQ(std::string(error.what()).rfind("old.json:1:1: invalid JSON: ", 0), 0u) << error.what();
  EXPECT_NE(std::string(error.what()).find("number overflow"), std::string::npos) << error.what();
}

// report_fuzzer (UBSan): a load error's line or column out of size_t's range was cast from a
// double, which is undefined behaviour; a position that is no whole number reads as 0.
TEST(FuzzRegressions, ReportInputErrorPositionsOutOfRangeReadAsZero) {
  LoadedReport report = parse_report(
      R"({"format":"settle-report/1","results":[],"load_errors":[{"line":1e300,"column":-5}]})",
      "r.json");
  ASSERT_EQ(report.run.load_errors.size(), 1u);
  EXPECT_EQ(report.run.load_errors[0].where().line, 0u);
  EXPECT_EQ(report.run.load_errors[0].where().column, 0u);
  report = parse_report(
      R"({"format":"settle-report/1","results":[],"load_errors":[{"line":3,"column":14}]})",
      "r.json");
  EXPECT_EQ(report.run.load_errors[0].where().line, 3u);
  EXPECT_EQ(report.run.load_errors[0].where().column, 14u);
}

// protocol_fuzzer: the same in an engine's reply escaped the engine's worker and aborted settle;
// it is a protocol error, which makes the case an error (tests/fuzz/protocol/).
TEST(FuzzRegressions, ReplyWithANumberOutOfRangeIsAProtocolError) {
  EXPECT_THROW(parse_reply(std::string(kNonce) + " 9e999", kNonce), ProtocolError);
  EXPECT_THROW(
      parse_reply(std::string(kNonce) + R"( {"type":"result","report":{"value":1e999}})", kNonce),
      ProtocolError);
}

// The same in a user's engine profile (--engine FILE), fixed with the two above.
TEST(FuzzRegressions, ProfileWithANumberOutOfRangeIsAnInputError) {
  InputError error =
      input_error_of([] { parse_profile(R"({"name": "x", "limits": 1e999})", "my.json"); });
  EXPECT_EQ(std::string(error.what()).rfind("my.json:1:25: invalid JSON: ", 0), 0u) << error.what();
}

// protocol_fuzzer: reply fields of another type than the protocol's threw nlohmann's type_error
// out of observation_from_reply, which promises ProtocolError (tests/fuzz/protocol/).
TEST(FuzzRegressions, ResultFieldsOfTheWrongTypeAreAProtocolError) {
  EXPECT_THROW(observation_from_reply(json::parse(
                   R"({"type":"result","parse_error":1,"report":{"state":"returns","value":1}})")),
               ProtocolError);
  EXPECT_THROW(observation_from_reply(json::parse(
                   R"({"type":"result","harness_error":[],"report":{"state":"returns"}})")),
               ProtocolError);
  EXPECT_THROW(
      observation_from_reply(json::parse(R"({"type":"result","report":{"printed":false}})")),
      ProtocolError);
}

TEST(FuzzRegressions, AFaultWhoseMessageIsNotATextIsStillAFault) {
  Observation observation =
      observation_from_reply(json::parse(R"({"type":"fault","message":{"no":"text"}})"));
  EXPECT_FALSE(observation.state().has_value());
  EXPECT_EQ(testing::fault_text(observation), "the engine reported a fault");
}

// matcher_fuzzer: a log that is not an array made match() throw nlohmann's type_error out of the
// judge; a host report whose log or globals have another shape is the engine's fault.
TEST(FuzzRegressions, AHostReportWhoseLogIsNotAnArrayIsRefused) {
  Observation observation;
  EXPECT_THROW(
      read_host_report(json::parse(R"({"state":"returns","value":1,"log":5})"), observation),
      std::runtime_error);
  EXPECT_THROW(
      read_host_report(json::parse(R"({"state":"returns","value":1,"log":{"a":1}})"), observation),
      std::runtime_error);
  EXPECT_THROW(
      read_host_report(json::parse(R"({"state":"returns","value":1,"globals":[]})"), observation),
      std::runtime_error);
  EXPECT_THROW(observation_from_reply(
                   json::parse(R"({"type":"result","report":{"state":"returns","log":5}})")),
               ProtocolError);
}

// matcher_fuzzer: an observed {"$same": 5} (not a global's name) threw nlohmann's type_error.
TEST(FuzzRegressions, AnObservedSameTagThatNamesNoGlobalIsAnOrdinaryMismatch) {
  json globals = {{"g", 1}};
  std::string why;
  EXPECT_FALSE(value_matches(json{{"$same", "g"}}, json{{"$same", 5}}, globals, &why));
  EXPECT_NE(why.find("not the value of the global g"), std::string::npos) << why;
  why.clear();
  EXPECT_FALSE(value_matches(json(1), json{{"$same", 5}}, globals, &why));
  EXPECT_EQ(why, R"(expected 1, observed {"$same":5})");
  EXPECT_TRUE(value_matches(json{{"$any", true}}, json{{"$same", nullptr}}, globals, &why));
}

// test262_front_matter_fuzzer: a front matter that is not UTF-8 (here a NUL, which makes yaml-cpp
// read UTF-16) had its YAML error placed past the end of its line; it stays inside the file.
TEST(FuzzRegressions, AFrontMatterErrorIsPlacedInsideTheFile) {
  using namespace std::string_literals;
  const std::string source = "/*---\xff\x00\x90\n---*/"s;
  auto parsed = parse_test262_front_matter(source, "t.js");
  ASSERT_TRUE(std::holds_alternative<InputError>(parsed));
  const InputError& error = std::get<InputError>(parsed);
  EXPECT_EQ(error.message().rfind("the front matter is not valid YAML", 0), 0u) << error.message();
  EXPECT_EQ(error.where().line, 1u);
  EXPECT_EQ(error.where().column, 8u);  // just after the line's 7 characters, the stray byte none
}

// A text nested deeply enough overflowed the stack when nlohmann::json copied it: a 400 kB case
// file, report or engine reply crashed settle. Settle reads no JSON nested deeper than
// kMaxJsonDepth.
std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(FuzzRegressions, ACaseFileNestedTooDeeplyIsAInputError) {
  // The file's own levels count: its object, cases, the case and expect hold 4.
  const std::string prefix = R"({"cases": [{"id": "a", "code": "1", "expect": {"returns": )";
  LoadedCases loaded =
      parse_case_file("deep.json", "deep", prefix + nested_arrays(200000) + "}}]}");
  ASSERT_TRUE(std::holds_alternative<InputError>(loaded));
  const InputError& error = std::get<InputError>(loaded);
  EXPECT_EQ(error.message(), "invalid JSON: arrays and objects nested deeper than 512 levels");
  EXPECT_EQ(error.field(), "cases[0].expect.returns");  // the field that holds the nesting
  EXPECT_EQ(error.where().line, 1u);
  EXPECT_EQ(error.where().column, prefix.size() + 1 + (kMaxJsonDepth - 4));  // level 513's bracket

  loaded = parse_case_file("deep.json", "deep", prefix + nested_arrays(kMaxJsonDepth - 4) + "}}]}");
  EXPECT_TRUE(std::holds_alternative<std::vector<Case>>(loaded));
}

TEST(FuzzRegressions, OtherJsonNestedTooDeeplyIsRefusedWithTheReadersError) {
  std::string deep = nested_arrays(200000);
  EXPECT_THROW(
      parse_reply(std::string(kNonce) + R"( {"type": "result", "report": )" + deep + "}", kNonce),
      ProtocolError);
  // The user's files name the field that holds the nesting, as a case file does.
  const std::string report_prefix = R"({"format": "settle-report/1", "results": )";
  InputError report = input_error_of([&] { parse_report(report_prefix + deep + "}", "r.json"); });
  EXPECT_EQ(report.file(), "r.json");
  EXPECT_EQ(report.field(), "results");
  EXPECT_EQ(report.where().column, report_prefix.size() + kMaxJsonDepth);  // level 513's bracket
  InputError profile =
      input_error_of([&] { parse_profile(R"({"name": "x", "limits": )" + deep + "}", "p.json"); });
  EXPECT_EQ(profile.file(), "p.json");
  EXPECT_EQ(profile.field(), "limits");
  InputError expectations =
      input_error_of([&] { parse_expectations(R"({"engines": )" + deep + "}", "e.json"); });
  EXPECT_EQ(expectations.file(), "e.json");
  EXPECT_EQ(expectations.field(), "engines");
}

TEST(FuzzRegressions, NestingCountsNoBracketInStringsOrComments) {
  std::string brackets(kMaxJsonDepth + 1, '[');
  EXPECT_FALSE(json_nesting_too_deep(nested_arrays(kMaxJsonDepth)));
  EXPECT_TRUE(json_nesting_too_deep(nested_arrays(kMaxJsonDepth + 1)));
  EXPECT_FALSE(json_nesting_too_deep("[\"" + brackets + "\", \"\\\"" + brackets + "\"]"));
  EXPECT_FALSE(json_nesting_too_deep("// " + brackets + "\n[1] /* " + brackets + " */"));
  EXPECT_TRUE(json_nesting_too_deep("[\"a\\\\\", " + brackets + "]"));  // "a\\" ends there
}

}  // namespace
}  // namespace settle
