#include "runner/corpus/case_file_loader.h"
#include "runner/model/value_json.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "runner/input/text_file.h"

namespace settle {
namespace {

using nlohmann::json;

// A case file read as the corpus reads one (runner/corpus/corpus.cc), then parsed.
LoadedCases load_case_file(const std::string& file, const std::string& id_prefix) {
  std::string why;
  std::optional<std::string> text = read_text_file(file, &why);
  if (!text) return InputError(file, kNoPosition, "", "cannot read the file: " + why);
  return parse_case_file(file, id_prefix, std::move(*text));
}

// The line:column of the first occurrence of `token` in an ASCII `text`.
std::string position_of_token(const std::string& text, const std::string& token) {
  std::size_t offset = text.find(token);
  EXPECT_NE(offset, std::string::npos) << "token not in text: " << token;
  if (offset == std::string::npos) return "?";
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::string at(const InputError& error) {
  return std::to_string(error.where().line) + ":" + std::to_string(error.where().column);
}

// A case file, one member per line, whose `cases` array holds one object per entry of `cases`;
// each entry lists the case's members, e.g. {R"("id": "a")", R"("code": "1")"}.
std::string case_file(const std::vector<std::vector<std::string>>& cases,
                      const std::string& file_members = "") {
  std::string text = "{\n";
  if (!file_members.empty()) text += "  " + file_members + ",\n";
  text += "  \"cases\": [";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    text += i == 0 ? "\n    {" : ",\n    {";
    for (std::size_t k = 0; k < cases[i].size(); ++k) {
      text += (k == 0 ? "\n      " : ",\n      ") + cases[i][k];
    }
    text += "\n    }";
  }
  return text + "\n  ]\n}\n";
}

// The members of a valid case, followed by `extra`.
std::vector<std::string> valid_case(const std::string& id, std::vector<std::string> extra = {}) {
  std::vector<std::string> members = {"\"id\": \"" + id + "\"", R"("code": "1")",
                                      R"("expect": {"returns": 1})"};
  members.insert(members.end(), extra.begin(), extra.end());
  return members;
}

std::vector<Case> load_ok(const std::string& text, const std::string& prefix = "area/file") {
  LoadedCases loaded = parse_case_file("cases/area/file.json", prefix, text);
  if (const auto* error = std::get_if<InputError>(&loaded)) {
    ADD_FAILURE() << "load error: " << error->to_string() << "\n" << text;
    return {};
  }
  return std::get<std::vector<Case>>(loaded);
}

InputError load_error(const std::string& text) {
  LoadedCases loaded = parse_case_file("cases/area/file.json", "area/file", text);
  if (const auto* error = std::get_if<InputError>(&loaded)) return *error;
  ADD_FAILURE() << "loaded without an error:\n" << text;
  return InputError("", kNoPosition, "", "");
}

// Asserts a load error's field, position (that of `token` in the text) and message fragment.
void expect_error(const std::string& text, const std::string& field, const std::string& token,
                  const std::string& message_fragment) {
  InputError error = load_error(text);
  EXPECT_EQ(error.field(), field) << error.to_string();
  EXPECT_EQ(at(error), position_of_token(text, token)) << error.to_string();
  EXPECT_NE(error.message().find(message_fragment), std::string::npos) << error.to_string();
  EXPECT_EQ(error.file(), "cases/area/file.json");
}

// ---- happy paths ----

TEST(CaseFileLoader, LoadsIdCodeAndExpectation) {
  auto cases = load_ok(case_file({valid_case("first")}));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].local_id, "first");
  EXPECT_EQ(cases[0].code, "1");
  EXPECT_EQ(cases[0].expect.outcome, Outcome::kReturns);
  EXPECT_EQ(json_of(cases[0].expect.value), json(1));
  EXPECT_FALSE(cases[0].expect.log.has_value());
  EXPECT_FALSE(cases[0].strict);
  EXPECT_FALSE(cases[0].timeout_ms.has_value());
  EXPECT_FALSE(cases[0].skip.has_value());
}

// CI annotations point at a case's line: where its object opens in the file.
TEST(CaseFileLoader, EachCaseKnowsTheLineItStartsOn) {
  std::string text = case_file({valid_case("first"), valid_case("second")});
  auto cases = load_ok(text);
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(std::to_string(cases[0].line) + ":5",
            position_of_token(text, "{\n      \"id\": \"first\""));
  EXPECT_EQ(std::to_string(cases[1].line) + ":5",
            position_of_token(text, "{\n      \"id\": \"second\""));
}

TEST(CaseFileLoader, FullIdIsPrefixSlashLocalId) {
  auto cases = load_ok(case_file({valid_case("x-1"), valid_case("y")}), "finally/basics");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].id, "finally/basics/x-1");
  EXPECT_EQ(cases[1].id, "finally/basics/y");
}

TEST(CaseFileLoader, CasesKeepFileOrderAndFileName) {
  auto cases = load_ok(case_file({valid_case("b"), valid_case("a")}));
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].local_id, "b");
  EXPECT_EQ(cases[1].local_id, "a");
  EXPECT_EQ(cases[0].file, "cases/area/file.json");
}

TEST(CaseFileLoader, SuiteSpecAndDescriptionAreKept) {
  auto cases = load_ok(case_file({valid_case("a", {R"("description": "what it checks")"})},
                                 R"("suite": "S", "spec": "sec-x")"));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].suite, "S");
  EXPECT_EQ(cases[0].spec, "sec-x");
  EXPECT_EQ(cases[0].description, "what it checks");
}

TEST(CaseFileLoader, CodeAsArrayOfLinesIsJoinedWithNewlines) {
  auto cases = load_ok(case_file(
      {{R"("id": "a")", R"("code": ["var x = 1;", "", "x"])", R"("expect": {"returns": 1})"}}));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].code, "var x = 1;\n\nx");
}

TEST(CaseFileLoader, CodeAsEmptyArrayIsEmptyCode) {
  auto cases = load_ok(case_file(
      {{R"("id": "a")", R"("code": [])", R"("expect": {"returns": {"$": "undefined"}})"}}));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].code, "");
}

TEST(CaseFileLoader, FileFeaturesComeFirstThenNewCaseFeatures) {
  auto cases = load_ok(case_file({valid_case("a", {R"("features": ["b", "c", "a", "c"])"})},
                                 R"("features": ["a", "b"])"));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].features, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(CaseFileLoader, CaseWithoutFeaturesGetsTheFileFeatures) {
  auto cases = load_ok(case_file({valid_case("a"), valid_case("b", {R"("features": ["z"])"})},
                                 R"("features": ["f"])"));
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].features, (std::vector<std::string>{"f"}));
  EXPECT_EQ(cases[1].features, (std::vector<std::string>{"f", "z"}));
}

TEST(CaseFileLoader, StrictTrueIsKept) {
  auto cases = load_ok(case_file({valid_case("a", {R"("strict": true)"})}));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_TRUE(cases[0].strict);
}

TEST(CaseFileLoader, TimeoutMsIsKept) {
  auto cases = load_ok(case_file(
      {valid_case("a", {R"("timeout_ms": 250)"}), valid_case("b", {R"("timeout_ms": 3600000)"})}));
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].timeout_ms, 250);
  EXPECT_EQ(cases[1].timeout_ms, 3600000);
}

TEST(CaseFileLoader, SkipReasonIsKept) {
  auto cases = load_ok(case_file({valid_case("a", {R"("skip": "engine bug 123")"})}));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].skip, "engine bug 123");
}

TEST(CaseFileLoader, EveryOutcomeKeyIsRead) {
  auto cases = load_ok(case_file({
      {R"("id": "f")", R"("code": "1")", R"("expect": {"fulfilled": 2})"},
      {R"("id": "r")", R"("code": "1")", R"("expect": {"rejected": {"$error": "TypeError"}})"},
      {R"("id": "p")", R"("code": "1")", R"("expect": {"pending": true})"},
      {R"("id": "n")", R"("code": "1")", R"("expect": {"returns": "s"})"},
      {R"("id": "t")", R"("code": "1")", R"("expect": {"throws": null})"},
  }));
  ASSERT_EQ(cases.size(), 5u);
  EXPECT_EQ(cases[0].expect.outcome, Outcome::kFulfilled);
  EXPECT_EQ(json_of(cases[0].expect.value), json(2));
  EXPECT_EQ(cases[1].expect.outcome, Outcome::kRejected);
  EXPECT_EQ(json_of(cases[1].expect.value), json({{"$error", "TypeError"}}));
  EXPECT_EQ(cases[2].expect.outcome, Outcome::kPending);
  EXPECT_EQ(json_of(cases[2].expect.value), json(true));
  EXPECT_EQ(cases[3].expect.outcome, Outcome::kReturns);
  EXPECT_EQ(json_of(cases[3].expect.value), json("s"));
  EXPECT_EQ(cases[4].expect.outcome, Outcome::kThrows);
  EXPECT_EQ(json_of(cases[4].expect.value), json(nullptr));
}

TEST(CaseFileLoader, LogIsKeptBesideTheOutcome) {
  auto cases = load_ok(case_file({{R"("id": "a")", R"("code": "1")",
                                   R"("expect": {"log": [0, {"$any": true}], "fulfilled": 2})"}}));
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].expect.outcome, Outcome::kFulfilled);
  ASSERT_TRUE(cases[0].expect.log.has_value());
  EXPECT_EQ(json_of(*cases[0].expect.log), json::parse(R"([0, {"$any": true}])"));
}

TEST(CaseFileLoader, CommentsAreAllowed) {
  auto cases = load_ok(
      "// heading\n{\n  /* block */ \"cases\": [ // trailing\n"
      "  {\"id\": \"a\", \"code\": \"1\", \"expect\": {\"returns\": 1}}]}\n");
  ASSERT_EQ(cases.size(), 1u);
}

TEST(CaseFileLoader, EmptyCasesArrayGivesNoCases) {
  auto cases = load_ok("{\"cases\": []}");
  EXPECT_TRUE(cases.empty());
}

TEST(CaseFileLoader, LoadsFromAFile) {
  auto path = std::filesystem::temp_directory_path() /
              ("settle_loader_test_" + std::to_string(::getpid()) + ".json");
  std::ofstream(path) << case_file({valid_case("a")});
  LoadedCases loaded = load_case_file(path.string(), "p");
  std::filesystem::remove(path);
  ASSERT_TRUE(std::holds_alternative<std::vector<Case>>(loaded));
  EXPECT_EQ(std::get<std::vector<Case>>(loaded).at(0).id, "p/a");
  EXPECT_EQ(std::get<std::vector<Case>>(loaded).at(0).file, path.string());
}

// ---- errors: one per message ----

TEST(CaseFileLoaderErrors, MissingFileCannotBeRead) {
  LoadedCases loaded = load_case_file("/nonexistent/settle/none.json", "none");
  ASSERT_TRUE(std::holds_alternative<InputError>(loaded));
  const InputError& error = std::get<InputError>(loaded);
  EXPECT_EQ(error.file(), "/nonexistent/settle/none.json");
  EXPECT_NE(error.message().find("cannot read"), std::string::npos) << error.to_string();
}

// FIFOs and devices are refused unread (runner/input/text_file.h): /dev/zero would fill memory and
// a FIFO with no writer would hang the run.
TEST(CaseFileLoaderErrors, AFolderOrADeviceIsRefusedAndSaysWhatItIs) {
  auto folder = std::filesystem::temp_directory_path();
  LoadedCases loaded = load_case_file(folder.string(), "x");
  ASSERT_TRUE(std::holds_alternative<InputError>(loaded));
  EXPECT_EQ(std::get<InputError>(loaded).message(), "cannot read the file: it is a folder");
  loaded = load_case_file("/dev/zero", "x");
  ASSERT_TRUE(std::holds_alternative<InputError>(loaded));
  EXPECT_EQ(std::get<InputError>(loaded).message(),
            "cannot read the file: it is a character device, not a regular file");
  auto fifo = folder / ("settle_loader_fifo_" + std::to_string(::getpid()));
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  loaded = load_case_file(fifo.string(), "x");  // returns at once: no writer is waited for
  std::filesystem::remove(fifo);
  ASSERT_TRUE(std::holds_alternative<InputError>(loaded));
  EXPECT_EQ(std::get<InputError>(loaded).message(),
            "cannot read the file: it is a FIFO, not a regular file");
}

// nlohmann's lexer takes a NUL byte for the end of the text: the cases after it were dropped.
TEST(CaseFileLoaderErrors, ANulByteIsAnErrorAtItsPosition) {
  std::string text = case_file({valid_case("a")}) + std::string(1, '\0') + "\n{\"more\": 1}";
  InputError error = load_error(text);
  EXPECT_EQ(at(error), position_of_token(text, std::string(1, '\0'))) << error.to_string();
  EXPECT_EQ(error.message(), "invalid JSON: a NUL byte, which JSON does not allow");
}

TEST(CaseFileLoaderErrors, JsonSyntaxErrorNamesPositionAndNoField) {
  std::string text = "{\n  \"cases\": [\n    {\"id\": \"a\" \"code\": \"1\"}\n  ]\n}\n";
  InputError error = load_error(text);
  EXPECT_EQ(error.field(), "");
  EXPECT_EQ(at(error), position_of_token(text, "\"code\""));
  EXPECT_EQ(error.message().rfind("invalid JSON: ", 0), 0u) << error.message();
  EXPECT_NE(error.message().find("expected '}'"), std::string::npos) << error.message();
}

TEST(CaseFileLoaderErrors, DuplicateKeyIsAJsonError) {
  std::string text = case_file({valid_case("a", {R"("code": "2")"})});
  InputError error = load_error(text);
  EXPECT_EQ(error.field(), "");
  EXPECT_EQ(at(error), position_of_token(text, "\"code\": \"2\""));
  EXPECT_EQ(error.message(), "invalid JSON: duplicate key \"code\"");
}

TEST(CaseFileLoaderErrors, InputErrorTextIsFileLineColumnFieldMessage) {
  std::string text = case_file({valid_case("a", {R"("strict": "yes")"})});
  InputError error = load_error(text);
  EXPECT_EQ(error.to_string(), "cases/area/file.json:7:7: cases[0].strict: must be true or false");
}

// Numbers match by SameValue, and a literal -0 would read as a number 0: the file must say -0
// with its tag, wherever in a pattern it stands.
TEST(CaseFileLoaderErrors, LiteralMinusZeroInAPatternIsRejectedWithItsField) {
  std::string text =
      case_file({{R"("id": "a")", R"("code": "1")", R"("expect": {"fulfilled": [1, -0]})"}});
  expect_error(text, "cases[0].expect.fulfilled[1]", "-0", "write -0 as {\"$\": \"-0\"}");
  text =
      case_file({{R"("id": "a")", R"("code": "1")", R"("expect": {"returns": 1, "log": [-0.0]})"}});
  expect_error(text, "cases[0].expect.log[0]", "-0.0", "numbers match by SameValue");
}

TEST(CaseFileLoaderErrors, RootMustBeAnObject) {
  expect_error("\n  [1, 2]\n", "", "[", "a case file holds one JSON object");
}

TEST(CaseFileLoaderErrors, UnknownFileField) {
  std::string text = case_file({valid_case("a")}, R"("title": "x")");
  expect_error(text, "title", "\"title\"",
               "unknown field (allowed here: cases, features, spec, suite)");
}

TEST(CaseFileLoaderErrors, SuiteMustBeAString) {
  std::string text = case_file({valid_case("a")}, R"("suite": 5)");
  expect_error(text, "suite", "\"suite\"", "must be a string");
}

TEST(CaseFileLoaderErrors, SpecMustBeAString) {
  std::string text = case_file({valid_case("a")}, R"("spec": ["x"])");
  expect_error(text, "spec", "\"spec\"", "must be a string");
}

TEST(CaseFileLoaderErrors, FileFeaturesMustBeAnArray) {
  std::string text = case_file({valid_case("a")}, R"("features": "Promise")");
  expect_error(text, "features", "\"features\"", "must be an array of feature names");
}

TEST(CaseFileLoaderErrors, FileFeatureMustBeANonEmptyString) {
  std::string text = case_file({valid_case("a")}, R"("features": ["Promise", ""])");
  expect_error(text, "features[1]", "\"\"", "must be a non-empty string");
}

TEST(CaseFileLoaderErrors, FileFeatureThatIsANumberIsRejectedAtTheNumber) {
  std::string text = case_file({valid_case("a")}, R"("features": ["Promise", 42])");
  expect_error(text, "features[1]", "42", "must be a non-empty string");
}

TEST(CaseFileLoaderErrors, CasesIsRequired) {
  std::string text = "{\n  \"suite\": \"x\"\n}\n";
  expect_error(text, "", "{", "missing required field \"cases\"");
}

TEST(CaseFileLoaderErrors, CasesMustBeAnArray) {
  std::string text = "{\n  \"cases\": {}\n}\n";
  expect_error(text, "cases", "\"cases\"", "must be an array of cases");
}

TEST(CaseFileLoaderErrors, CaseMustBeAnObject) {
  std::string text = "{\n  \"cases\": [\n    \"a\"\n  ]\n}\n";
  expect_error(text, "cases[0]", "\"a\"", "must be an object");
}

TEST(CaseFileLoaderErrors, CaseThatIsANumberIsRejectedAtTheNumber) {
  std::string text = "{\n  \"cases\": [\n    17\n  ]\n}\n";
  expect_error(text, "cases[0]", "17", "must be an object");
}

TEST(CaseFileLoaderErrors, UnknownCaseField) {
  std::string text = case_file({valid_case("a", {R"("name": "x")"})});
  expect_error(text, "cases[0].name", "\"name\"",
               "unknown field (allowed here: code, description, expect, features, id, skip, "
               "strict, timeout_ms)");
}

TEST(CaseFileLoaderErrors, IdIsRequired) {
  std::string text = case_file({{R"("code": "1")", R"("expect": {"returns": 1})"}});
  expect_error(text, "cases[0]", "{\n      \"code\"", "missing required field \"id\"");
}

TEST(CaseFileLoaderErrors, IdMustMatchThePattern) {
  std::string text = case_file({valid_case("Bad_Id")});
  expect_error(text, "cases[0].id", "\"id\"", "must match [a-z0-9][a-z0-9-]*");
}

TEST(CaseFileLoaderErrors, IdMustNotStartWithADash) {
  std::string text = case_file({valid_case("-a")});
  expect_error(text, "cases[0].id", "\"id\"", "must match [a-z0-9][a-z0-9-]*");
}

TEST(CaseFileLoaderErrors, IdMustBeAString) {
  std::string text = case_file({{R"("id": 7)", R"("code": "1")", R"("expect": {"returns": 1})"}});
  expect_error(text, "cases[0].id", "\"id\"", "must match");
}

TEST(CaseFileLoaderErrors, DuplicateIdIsReportedAtTheSecondCase) {
  std::string text = case_file({valid_case("same"), valid_case("other"), valid_case("same")});
  InputError error = load_error(text);
  EXPECT_EQ(error.field(), "cases[2].id");
  EXPECT_EQ(at(error), "14:7");  // the third case's "id" line
  EXPECT_NE(error.message().find("duplicate id \"same\""), std::string::npos) << error.message();
}

TEST(CaseFileLoaderErrors, DescriptionMustBeAString) {
  std::string text = case_file({valid_case("a", {R"("description": true)"})});
  expect_error(text, "cases[0].description", "\"description\"", "must be a string");
}

TEST(CaseFileLoaderErrors, CodeIsRequired) {
  std::string text = case_file({{R"("id": "a")", R"("expect": {"returns": 1})"}});
  expect_error(text, "cases[0]", "{\n      \"id\"", "missing required field \"code\"");
}

TEST(CaseFileLoaderErrors, CodeMustBeAStringOrArray) {
  std::string text = case_file({{R"("id": "a")", R"("code": 12)", R"("expect": {"returns": 1})"}});
  expect_error(text, "cases[0].code", "\"code\"", "must be a string or an array of lines");
}

TEST(CaseFileLoaderErrors, CodeLineMustBeAString) {
  std::string text =
      case_file({{R"("id": "a")", R"("code": ["x;", {}])", R"("expect": {"returns": 1})"}});
  expect_error(text, "cases[0].code[1]", "{}", "must be a string");
}

TEST(CaseFileLoaderErrors, CodeLineThatIsANumberIsRejectedAtTheNumber) {
  std::string text =
      case_file({{R"("id": "a")", R"("code": ["x;", 5])", R"("expect": {"returns": 1})"}});
  expect_error(text, "cases[0].code[1]", "5]", "must be a string");
}

TEST(CaseFileLoaderErrors, ExpectIsRequired) {
  std::string text = case_file({{R"("id": "a")", R"("code": "1")"}});
  expect_error(text, "cases[0]", "{\n      \"id\"", "missing required field \"expect\"");
}

TEST(CaseFileLoaderErrors, ExpectMustBeAnObject) {
  std::string text = case_file({{R"("id": "a")", R"("code": "1")", R"("expect": [1])"}});
  expect_error(text, "cases[0].expect", "\"expect\"", "must be an object with one outcome key");
}

TEST(CaseFileLoaderErrors, ExpectNeedsAnOutcome) {
  std::string text = case_file({{R"("id": "a")", R"("code": "1")", R"("expect": {"log": []})"}});
  expect_error(text, "cases[0].expect", "\"expect\"", "needs one outcome key");
}

TEST(CaseFileLoaderErrors, ExpectHoldsOnlyOneOutcome) {
  std::string text = case_file(
      {{R"("id": "a")", R"("code": "1")", R"("expect": {"fulfilled": 1, "rejected": 2})"}});
  expect_error(text, "cases[0].expect.rejected", "\"rejected\"",
               "expect holds exactly one outcome key");
}

TEST(CaseFileLoaderErrors, UnknownExpectKey) {
  std::string text =
      case_file({{R"("id": "a")", R"("code": "1")", R"("expect": {"resolved": 1})"}});
  expect_error(text, "cases[0].expect.resolved", "\"resolved\"",
               "unknown field (allowed: fulfilled, rejected, pending, returns, throws, log, "
               "unhandled, rejections)");
}

TEST(CaseFileLoaderErrors, PendingMustBeTrue) {
  std::string text =
      case_file({{R"("id": "a")", R"("code": "1")", R"("expect": {"pending": false})"}});
  expect_error(text, "cases[0].expect.pending", "\"pending\"", "must be true");
}

TEST(CaseFileLoaderErrors, OutcomeValueMustBeAWellFormedPattern) {
  std::string text = case_file(
      {{R"("id": "a")", R"("code": "1")", R"("expect": {"fulfilled": {"x": {"$": "nan"}}})"}});
  expect_error(text, "cases[0].expect.fulfilled.x.$", "\"$\"", "must be one of");
}

TEST(CaseFileLoaderErrors, LogMustBeAnArray) {
  std::string text =
      case_file({{R"("id": "a")", R"("code": "1")", R"("expect": {"returns": 1, "log": 0})"}});
  expect_error(text, "cases[0].expect.log", "\"log\"", "must be an array of value patterns");
}

TEST(CaseFileLoaderErrors, LogElementMustBeAWellFormedPattern) {
  std::string text = case_file({{R"("id": "a")", R"("code": "1")",
                                 R"("expect": {"returns": 1, "log": [1, {"$bogus": 1}]})"}});
  expect_error(text, "cases[0].expect.log[1].$bogus", "\"$bogus\"", "unknown tag");
}

TEST(CaseFileLoaderErrors, CaseFeaturesMustBeAnArray) {
  std::string text = case_file({valid_case("a", {R"("features": {})"})});
  expect_error(text, "cases[0].features", "\"features\"", "must be an array of feature names");
}

TEST(CaseFileLoaderErrors, CaseFeatureMustBeANonEmptyString) {
  std::string text = case_file({valid_case("a", {R"("features": ["", "x"])"})});
  expect_error(text, "cases[0].features[0]", "\"\"", "must be a non-empty string");
}

TEST(CaseFileLoaderErrors, StrictMustBeABoolean) {
  std::string text = case_file({valid_case("a", {R"("strict": 1)"})});
  expect_error(text, "cases[0].strict", "\"strict\"", "must be true or false");
}

TEST(CaseFileLoaderErrors, TimeoutMustBePositive) {
  std::string text = case_file({valid_case("a", {R"("timeout_ms": 0)"})});
  expect_error(text, "cases[0].timeout_ms", "\"timeout_ms\"",
               "must be a whole number of milliseconds from 1 to 3600000");
}

TEST(CaseFileLoaderErrors, TimeoutMustNotBeNegative) {
  std::string text = case_file({valid_case("a", {R"("timeout_ms": -5)"})});
  expect_error(text, "cases[0].timeout_ms", "\"timeout_ms\"", "from 1 to 3600000");
}

TEST(CaseFileLoaderErrors, TimeoutMustBeWhole) {
  std::string text = case_file({valid_case("a", {R"("timeout_ms": 1.5)"})});
  expect_error(text, "cases[0].timeout_ms", "\"timeout_ms\"", "whole number");
}

TEST(CaseFileLoaderErrors, TimeoutMustNotExceedAnHour) {
  std::string text = case_file({valid_case("a", {R"("timeout_ms": 3600001)"})});
  expect_error(text, "cases[0].timeout_ms", "\"timeout_ms\"", "from 1 to 3600000");
}

TEST(CaseFileLoaderErrors, TimeoutBeyondInt64IsRejectedNotWrapped) {
  std::string text = case_file({valid_case("a", {R"("timeout_ms": 18446744073709551615)"})});
  expect_error(text, "cases[0].timeout_ms", "\"timeout_ms\"", "from 1 to 3600000");
}

TEST(CaseFileLoaderErrors, TimeoutMustBeANumber) {
  std::string text = case_file({valid_case("a", {R"("timeout_ms": "100")"})});
  expect_error(text, "cases[0].timeout_ms", "\"timeout_ms\"", "whole number");
}

TEST(CaseFileLoaderErrors, SkipMustBeANonEmptyReason) {
  std::string text = case_file({valid_case("a", {R"("skip": "")"})});
  expect_error(text, "cases[0].skip", "\"skip\"", "must be a non-empty reason");
}

TEST(CaseFileLoaderErrors, SkipMustBeAString) {
  std::string text = case_file({valid_case("a", {R"("skip": true)"})});
  expect_error(text, "cases[0].skip", "\"skip\"", "must be a non-empty reason");
}

TEST(CaseFileLoaderErrors, ErrorInSecondCaseNamesItsIndex) {
  std::string text = case_file({valid_case("a"), valid_case("b", {R"("strict": null)"})});
  InputError error = load_error(text);
  EXPECT_EQ(error.field(), "cases[1].strict");
  EXPECT_EQ(at(error), "12:7");
}

}  // namespace
}  // namespace settle
