#include "runner/match/matcher.h"
#include "tests/unit/observed.h"

#include <gtest/gtest.h>

#include <string>

namespace settle {
namespace {

using nlohmann::json;

json j(const char* text) { return json::parse(text); }

bool matches(const char* pattern, const char* observed, const char* globals = "{}") {
  return value_matches(j(pattern), j(observed), j(globals), nullptr);
}

std::string why_not(const char* pattern, const char* observed, const char* globals = "{}") {
  std::string why;
  EXPECT_FALSE(value_matches(j(pattern), j(observed), j(globals), &why))
      << pattern << " matched " << observed;
  return why;
}

// "path: message" of a malformed pattern, checked at the path `p`; empty when well-formed.
std::string pattern_error(const char* pattern) {
  auto error = check_pattern(j(pattern), "p");
  return error ? error->path + ": " + error->message : "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---- check_pattern ----

TEST(CheckPattern, AcceptsEveryWellFormedKind) {
  for (const char* pattern :
       {"1",
        "-0.5",
        "\"s\"",
        "true",
        "null",
        "[1, [2]]",
        R"({"a": {"b": 1}})",
        R"({"$": "undefined"})",
        R"({"$": "NaN"})",
        R"({"$": "-0"})",
        R"({"$": "Infinity"})",
        R"({"$": "-Infinity"})",
        R"({"$error": "TypeError"})",
        R"({"$error": "TypeError", "message": "m", "errors": [{"$any": true}]})",
        R"({"$same": "g"})",
        R"({"$function": true})",
        R"({"$function": true, "name": "f"})",
        R"({"$symbol": "d"})",
        R"({"$symbol": null})",
        R"({"$any": true})",
        R"({"$cut": true})",
        R"({"$$x": {"$$y": 1}})"}) {
    EXPECT_EQ(pattern_error(pattern), "") << pattern;
  }
}

TEST(CheckPattern, MinusZeroMustBeWrittenWithItsTag) {
  EXPECT_TRUE(contains(pattern_error("-0.0"), "p: numbers match by SameValue"))
      << pattern_error("-0.0");
  EXPECT_TRUE(contains(pattern_error(R"({"a": [-0.0]})"), "p.a[0]: numbers match by SameValue"));
  EXPECT_EQ(pattern_error("0.0"), "");
  EXPECT_EQ(pattern_error(R"({"$": "-0"})"), "");
}

TEST(CheckPattern, UnknownSpecialValueIsRejectedAtTheTag) {
  std::string error = pattern_error(R"({"$": "nan"})");
  EXPECT_TRUE(contains(error, "p.$: must be one of")) << error;
}

TEST(CheckPattern, SpecialValueMustBeAString) {
  EXPECT_TRUE(contains(pattern_error(R"({"$": 0})"), "p.$: must be one of"));
}

TEST(CheckPattern, ExtraKeyBesideSpecialValueIsRejected) {
  std::string error = pattern_error(R"({"$": "NaN", "x": 1})");
  EXPECT_TRUE(contains(error, "p.x: not allowed beside $")) << error;
}

TEST(CheckPattern, EmptyErrorNameIsRejected) {
  EXPECT_TRUE(contains(pattern_error(R"({"$error": ""})"), "p.$error: must be an error name"));
}

TEST(CheckPattern, NonStringErrorNameIsRejected) {
  EXPECT_TRUE(contains(pattern_error(R"({"$error": true})"), "p.$error: must be an error name"));
}

TEST(CheckPattern, ErrorMessageMustBeAString) {
  std::string error = pattern_error(R"({"$error": "TypeError", "message": {"$any": true}})");
  EXPECT_EQ(error, "p.message: must be a string");
}

TEST(CheckPattern, ErrorPropertyPatternsAreChecked) {
  std::string error = pattern_error(R"({"$error": "AggregateError", "errors": [{"$bad": 1}]})");
  EXPECT_TRUE(contains(error, "p.errors[0].$bad: unknown tag")) << error;
}

TEST(CheckPattern, EmptySameNameIsRejected) {
  EXPECT_EQ(pattern_error(R"({"$same": ""})"), "p.$same: must name a global variable");
}

TEST(CheckPattern, ExtraKeyBesideSameIsRejected) {
  EXPECT_EQ(pattern_error(R"({"$same": "g", "x": 1})"), "p.x: not allowed beside $same");
}

TEST(CheckPattern, FunctionTagMustBeTrue) {
  EXPECT_EQ(pattern_error(R"({"$function": "f"})"), "p.$function: must be true");
}

TEST(CheckPattern, FunctionNameMustBeAString) {
  EXPECT_EQ(pattern_error(R"({"$function": true, "name": 1})"), "p.name: must be a string");
}

TEST(CheckPattern, FunctionAllowsOnlyName) {
  EXPECT_EQ(pattern_error(R"({"$function": true, "length": 1})"),
            "p.length: not allowed beside $function");
}

TEST(CheckPattern, SymbolDescriptionMustBeStringOrNull) {
  EXPECT_TRUE(contains(pattern_error(R"({"$symbol": 1})"), "p.$symbol: must be the symbol's"));
}

TEST(CheckPattern, ExtraKeyBesideSymbolIsRejected) {
  EXPECT_EQ(pattern_error(R"({"$symbol": "d", "x": 1})"), "p.x: not allowed beside $symbol");
}

TEST(CheckPattern, BigIntIsItsValueInDecimal) {
  EXPECT_EQ(pattern_error(R"({"$bigint": "-12"})"), "");
  for (const char* bad : {R"({"$bigint": 12})", R"({"$bigint": "012"})", R"({"$bigint": "-0"})",
                          R"({"$bigint": "1n"})", R"({"$bigint": ""})"}) {
    EXPECT_TRUE(contains(pattern_error(bad), "p.$bigint: must be the BigInt's value")) << bad;
  }
  EXPECT_EQ(pattern_error(R"({"$bigint": "1", "x": 1})"), "p.x: not allowed beside $bigint");
}

TEST(CheckPattern, AnyMustBeTrue) {
  EXPECT_EQ(pattern_error(R"({"$any": false})"), "p.$any: must be true");
}

TEST(CheckPattern, ExtraKeyBesideAnyIsRejected) {
  EXPECT_EQ(pattern_error(R"({"$any": true, "x": 1})"), "p.x: not allowed beside $any");
}

TEST(CheckPattern, CutMustBeTrue) {
  EXPECT_EQ(pattern_error(R"({"$cut": 1})"), "p.$cut: must be true");
}

TEST(CheckPattern, UnknownTagIsRejectedAndSuggestsEscaping) {
  std::string error = pattern_error(R"({"$bogus": 1})");
  EXPECT_TRUE(contains(error, "p.$bogus: unknown tag")) << error;
  EXPECT_TRUE(contains(error, "$$")) << error;
}

TEST(CheckPattern, TwoTagsAreRejectedAtTheObject) {
  std::string error = pattern_error(R"({"$any": true, "$same": "g"})");
  EXPECT_TRUE(contains(error, "p: a pattern has at most one tag")) << error;
}

TEST(CheckPattern, NestedErrorsNameTheFullPath) {
  EXPECT_EQ(pattern_error(R"([1, {"a": {"b": {"$any": 0}}}])"), "p[1].a.b.$any: must be true");
}

// ---- primitives ----

TEST(ValueMatches, NumberMatchesEqualNumber) {
  EXPECT_TRUE(matches("2", "2"));
  EXPECT_TRUE(matches("2", "2.0"));
}

TEST(ValueMatches, NumberDoesNotMatchOtherNumberOrString) {
  EXPECT_FALSE(matches("2", "3"));
  EXPECT_FALSE(matches("2", "\"2\""));
}

TEST(ValueMatches, ZeroMatchesOnlyPlusZeroBecauseNumbersCompareBySameValue) {
  EXPECT_TRUE(matches("0", "0"));
  EXPECT_TRUE(matches("0", "0.0"));
  EXPECT_FALSE(matches("0", R"({"$": "-0"})"));
  EXPECT_FALSE(matches("0.0", R"({"$": "-0"})"));
}

TEST(ValueMatches, MinusZeroTagDoesNotMatchZero) {
  EXPECT_TRUE(matches(R"({"$": "-0"})", R"({"$": "-0"})"));
  EXPECT_FALSE(matches(R"({"$": "-0"})", "0"));
}

TEST(ValueMatches, NaNTagMatchesOnlyNaN) {
  EXPECT_TRUE(matches(R"({"$": "NaN"})", R"({"$": "NaN"})"));
  EXPECT_FALSE(matches(R"({"$": "NaN"})", "0"));
  EXPECT_FALSE(matches(R"({"$": "NaN"})", "null"));
}

TEST(ValueMatches, UndefinedTagMatchesOnlyUndefined) {
  EXPECT_TRUE(matches(R"({"$": "undefined"})", R"({"$": "undefined"})"));
  EXPECT_FALSE(matches(R"({"$": "undefined"})", "null"));
  EXPECT_FALSE(matches("null", R"({"$": "undefined"})"));
}

TEST(ValueMatches, InfinityTagsAreDistinct) {
  EXPECT_TRUE(matches(R"({"$": "Infinity"})", R"({"$": "Infinity"})"));
  EXPECT_TRUE(matches(R"({"$": "-Infinity"})", R"({"$": "-Infinity"})"));
  EXPECT_FALSE(matches(R"({"$": "Infinity"})", R"({"$": "-Infinity"})"));
  EXPECT_FALSE(matches("1e308", R"({"$": "Infinity"})"));
}

TEST(ValueMatches, StringMatchesEqualString) {
  EXPECT_TRUE(matches("\"abc\"", "\"abc\""));
  EXPECT_FALSE(matches("\"abc\"", "\"abd\""));
}

TEST(ValueMatches, BooleanAndNullMatchOnlyThemselves) {
  EXPECT_TRUE(matches("true", "true"));
  EXPECT_FALSE(matches("true", "1"));
  EXPECT_FALSE(matches("false", "null"));
  EXPECT_TRUE(matches("null", "null"));
  EXPECT_FALSE(matches("null", "0"));
}

TEST(ValueMatches, MismatchMessageShowsExpectedAndObserved) {
  EXPECT_EQ(why_not("1", "\"1\""), "expected 1, observed \"1\"");
}

// ---- arrays ----

TEST(ValueMatches, ArrayMatchesSameElements) {
  EXPECT_TRUE(matches("[1, \"a\", [null]]", "[1, \"a\", [null]]"));
}

TEST(ValueMatches, ArrayOfOtherLengthDoesNotMatch) {
  std::string why = why_not("[1, 2]", "[1, 2, 3]");
  EXPECT_TRUE(contains(why, "length 3, expected 2")) << why;
  EXPECT_FALSE(matches("[1, 2]", "[1]"));
  EXPECT_FALSE(matches("[]", "{}"));
}

TEST(ValueMatches, ArrayWithDifferentElementNamesTheIndex) {
  EXPECT_EQ(why_not("[1, [2, 3]]", "[1, [2, 4]]"), "at [1][1]: expected 3, observed 4");
}

// ---- plain objects ----

TEST(ValueMatches, ObjectMatchesExactlyTheSameKeys) {
  EXPECT_TRUE(matches(R"({"a": 1, "b": [2]})", R"({"b": [2], "a": 1})"));
}

TEST(ValueMatches, ObjectWithExtraKeyDoesNotMatch) {
  std::string why = why_not(R"({"a": 1})", R"({"a": 1, "b": 2})");
  EXPECT_TRUE(contains(why, "extra property b")) << why;
}

TEST(ValueMatches, ObjectWithMissingKeyDoesNotMatch) {
  std::string why = why_not(R"({"a": 1, "b": 2})", R"({"a": 1})");
  EXPECT_TRUE(contains(why, "no property b")) << why;
}

TEST(ValueMatches, ObjectMemberMismatchNamesThePath) {
  EXPECT_EQ(why_not(R"({"a": {"b": "x"}})", R"({"a": {"b": "y"}})"),
            "at a.b: expected \"x\", observed \"y\"");
}

TEST(ValueMatches, EmptyObjectPatternDoesNotMatchTaggedObservation) {
  EXPECT_TRUE(matches("{}", "{}"));
  EXPECT_FALSE(matches("{}", R"({"$function": true, "name": ""})"));
  EXPECT_FALSE(matches("{}", "[]"));
}

TEST(ValueMatches, EscapedDollarKeyMatchesEscapedObservedKey) {
  EXPECT_TRUE(matches(R"({"$$x": 1})", R"({"$$x": 1})"));
  EXPECT_FALSE(matches(R"({"$$x": 1})", R"({"x": 1})"));
  EXPECT_FALSE(matches(R"({"$$x": 1})", R"({"$$x": 2})"));
}

// ---- $error ----

TEST(ValueMatches, ErrorMatchesByName) {
  EXPECT_TRUE(matches(R"({"$error": "TypeError"})", R"({"$error": "TypeError", "message": "x"})"));
  EXPECT_FALSE(
      matches(R"({"$error": "TypeError"})", R"({"$error": "RangeError", "message": "x"})"));
}

TEST(ValueMatches, ErrorMessageIsComparedWhenGiven) {
  EXPECT_TRUE(matches(R"({"$error": "Error", "message": "boom"})",
                      R"({"$error": "Error", "message": "boom"})"));
  EXPECT_FALSE(matches(R"({"$error": "Error", "message": "boom"})",
                       R"({"$error": "Error", "message": "bang"})"));
}

TEST(ValueMatches, ErrorExtraPropertyPatternsAreMatched) {
  const char* pattern = R"({"$error": "AggregateError", "errors": [1, {"$any": true}]})";
  EXPECT_TRUE(matches(pattern, R"({"$error": "AggregateError", "message": "", "errors": [1, 2]})"));
  EXPECT_FALSE(matches(pattern, R"({"$error": "AggregateError", "message": "", "errors": [1]})"));
  EXPECT_FALSE(matches(pattern, R"({"$error": "AggregateError", "message": ""})"));
}

TEST(ValueMatches, ErrorMatchesPlainObjectWithThatName) {
  EXPECT_TRUE(matches(R"({"$error": "TypeError", "message": "m"})",
                      R"({"name": "TypeError", "message": "m", "extra": 1})"));
  EXPECT_FALSE(matches(R"({"$error": "TypeError"})", R"({"name": "RangeError"})"));
  EXPECT_FALSE(matches(R"({"$error": "TypeError"})", R"({"message": "TypeError"})"));
  EXPECT_FALSE(matches(R"({"$error": "TypeError"})", "\"TypeError\""));
}

// ---- $same ----

TEST(ValueMatches, SameMatchesTheObservedIdentityOfThatGlobal) {
  EXPECT_TRUE(matches(R"({"$same": "g"})", R"({"$same": "g"})", R"({"g": {}})"));
  EXPECT_FALSE(matches(R"({"$same": "g"})", R"({"$same": "h"})", R"({"g": {}, "h": {}})"));
}

TEST(ValueMatches, SameDoesNotMatchAnEqualLookingOtherObject) {
  std::string why = why_not(R"({"$same": "g"})", R"({"a": 1})", R"({"g": {"a": 1}})");
  EXPECT_TRUE(contains(why, "not the value of the global g")) << why;
}

TEST(ValueMatches, SameMatchesAPrimitiveThroughTheGlobals) {
  EXPECT_TRUE(matches(R"({"$same": "g"})", "5", R"({"g": 5})"));
  EXPECT_FALSE(matches(R"({"$same": "g"})", "6", R"({"g": 5})"));
  EXPECT_TRUE(matches(R"({"$same": "g"})", R"({"$": "NaN"})", R"({"g": {"$": "NaN"}})"));
}

TEST(ValueMatches, SameUsesSameValueSoZeroIsNotMinusZero) {
  EXPECT_FALSE(matches(R"({"$same": "g"})", "0", R"({"g": {"$": "-0"}})"));
}

TEST(ValueMatches, SameMatchesAPrimitiveObservedUnderAnotherGlobalsName) {
  // g and h hold the same primitive; the engine wrote the subject under the first watched name.
  EXPECT_TRUE(matches(R"({"$same": "h"})", R"({"$same": "g"})", R"({"g": 5, "h": 5})"));
  EXPECT_FALSE(matches(R"({"$same": "h"})", R"({"$same": "g"})", R"({"g": 5, "h": 6})"));
}

TEST(ValueMatches, SameOfAnUnwatchedGlobalDoesNotMatchAPrimitive) {
  EXPECT_FALSE(matches(R"({"$same": "g"})", "5"));
}

TEST(ValueMatches, ObservedSameReferenceStandsForTheGlobalsValue) {
  // An observed {"$same": g} is g's value for a pattern that is not itself $same.
  EXPECT_TRUE(matches(R"({"a": 1})", R"({"$same": "g"})", R"({"g": {"a": 1}})"));
  EXPECT_TRUE(matches("7", R"({"$same": "g"})", R"({"g": 7})"));
  EXPECT_FALSE(matches("8", R"({"$same": "g"})", R"({"g": 7})"));
}

// ---- $function, $symbol, $any, $cut ----

TEST(ValueMatches, FunctionMatchesAnyFunction) {
  EXPECT_TRUE(matches(R"({"$function": true})", R"({"$function": true, "name": "f"})"));
  EXPECT_FALSE(matches(R"({"$function": true})", R"({"name": "f"})"));
  EXPECT_FALSE(matches(R"({"$function": true})", "\"function\""));
}

TEST(ValueMatches, FunctionNameIsComparedWhenGiven) {
  EXPECT_TRUE(
      matches(R"({"$function": true, "name": "f"})", R"({"$function": true, "name": "f"})"));
  std::string why =
      why_not(R"({"$function": true, "name": "f"})", R"({"$function": true, "name": "g"})");
  EXPECT_TRUE(contains(why, "another name")) << why;
  EXPECT_FALSE(matches(R"({"$function": true, "name": ""})", R"({"$function": true})"));
}

// The host writes a BigInt as {"$bigint": its decimal text}; a number of the same value is not one.
TEST(ValueMatches, BigIntMatchesByValue) {
  EXPECT_TRUE(matches(R"({"$bigint": "100000000000000000000"})",
                      R"({"$bigint": "100000000000000000000"})"));
  EXPECT_FALSE(matches(R"({"$bigint": "1"})", R"({"$bigint": "2"})"));
  EXPECT_FALSE(matches(R"({"$bigint": "1"})", "1"));
  EXPECT_FALSE(matches("1", R"({"$bigint": "1"})"));
}

TEST(ValueMatches, SymbolMatchesByDescription) {
  EXPECT_TRUE(matches(R"({"$symbol": "d"})", R"({"$symbol": "d"})"));
  EXPECT_FALSE(matches(R"({"$symbol": "d"})", R"({"$symbol": "e"})"));
  EXPECT_FALSE(matches(R"({"$symbol": "d"})", "\"d\""));
}

TEST(ValueMatches, SymbolWithoutDescriptionIsNotEmptyDescription) {
  EXPECT_TRUE(matches(R"({"$symbol": null})", R"({"$symbol": null})"));
  EXPECT_FALSE(matches(R"({"$symbol": null})", R"({"$symbol": ""})"));
}

TEST(ValueMatches, AnyMatchesEveryValue) {
  for (const char* observed : {"1", "null", R"({"$": "undefined"})", "[1]", R"({"a": 1})",
                               R"({"$function": true, "name": "f"})", R"({"$cut": true})"}) {
    EXPECT_TRUE(matches(R"({"$any": true})", observed)) << observed;
  }
}

TEST(ValueMatches, AnyStillNeedsThePropertyToExist) {
  EXPECT_FALSE(matches(R"({"a": {"$any": true}})", "{}"));
}

TEST(ValueMatches, CutMatchesOnlyACut) {
  EXPECT_TRUE(matches(R"([{"$cut": true}])", R"([{"$cut": true}])"));
  EXPECT_FALSE(matches(R"({"$cut": true})", "[]"));
}

// ---- same_references ----

TEST(SameReferences, CollectsNamesFromValueAndLogOnce) {
  Expectation expect;
  expect.value = value_of(j(R"({"a": {"$same": "g"}, "b": [{"$same": "h"}]})"));
  expect.log = value_of(j(R"([{"$same": "g"}, {"$same": "k"}])"));
  EXPECT_EQ(same_references(expect), (std::vector<std::string>{"g", "h", "k"}));
}

// ---- match ----

Observation observed(Outcome state, const char* value, const char* log = "[]",
                     const char* globals = "{}") {
  Observation observation = testing::ran_to(state, j(value));
  observation.log = value_of(j(log));
  observation.globals = value_of(j(globals));
  return observation;
}

Expectation expecting(Outcome outcome, const char* value, const char* log = nullptr) {
  Expectation expect;
  expect.outcome = outcome;
  expect.value = value_of(j(value));
  if (log) expect.log = value_of(j(log));
  return expect;
}

// SameValue in every position a number can stand: the outcome's value, an array element, an
// object's value and a log entry.
TEST(Match, ZeroAndMinusZeroAreTwoValuesInEveryPosition) {
  struct Position {
    const char* pattern_zero;
    const char* pattern_minus_zero;
    const char* observed_zero;
    const char* observed_minus_zero;
  };
  const Position positions[] = {
      {"0", R"({"$": "-0"})", "0", R"({"$": "-0"})"},
      {"[1, 0]", R"([1, {"$": "-0"}])", "[1, 0]", R"([1, {"$": "-0"}])"},
      {R"({"a": 0})", R"({"a": {"$": "-0"}})", R"({"a": 0})", R"({"a": {"$": "-0"}})"},
  };
  for (const Position& at : positions) {
    SCOPED_TRACE(at.pattern_zero);
    auto value_verdict = [](const char* pattern, const char* value) {
      return match(expecting(Outcome::kFulfilled, pattern), observed(Outcome::kFulfilled, value))
          .pass;
    };
    EXPECT_TRUE(value_verdict(at.pattern_zero, at.observed_zero));
    EXPECT_TRUE(value_verdict(at.pattern_minus_zero, at.observed_minus_zero));
    EXPECT_FALSE(value_verdict(at.pattern_zero, at.observed_minus_zero));
    EXPECT_FALSE(value_verdict(at.pattern_minus_zero, at.observed_zero));
  }
  auto log_verdict = [](const char* pattern_log, const char* log) {
    return match(expecting(Outcome::kFulfilled, "1", pattern_log),
                 observed(Outcome::kFulfilled, "1", log))
        .pass;
  };
  EXPECT_TRUE(log_verdict("[0]", "[0]"));
  EXPECT_TRUE(log_verdict(R"([{"$": "-0"}])", R"([{"$": "-0"}])"));
  EXPECT_FALSE(log_verdict("[0]", R"([{"$": "-0"}])"));
  EXPECT_FALSE(log_verdict(R"([{"$": "-0"}])", "[0]"));
  Verdict verdict =
      match(expecting(Outcome::kFulfilled, "0"), observed(Outcome::kFulfilled, R"({"$": "-0"})"));
  EXPECT_NE(verdict.message.find("-0"), std::string::npos) << verdict.message;
}

TEST(Match, PassesWhenStateAndValueMatch) {
  Verdict verdict = match(expecting(Outcome::kFulfilled, "2"), observed(Outcome::kFulfilled, "2"));
  EXPECT_TRUE(verdict.pass) << verdict.message;
}

TEST(Match, WrongStateShowsExpectedAndObserved) {
  Verdict verdict =
      match(expecting(Outcome::kFulfilled, "2"),
            observed(Outcome::kRejected, R"({"$error": "TypeError", "message": "no"})"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_EQ(
      verdict.message,
      "expected fulfilled 2\nobserved rejected {\"$error\":\"TypeError\",\"message\":\"no\"}");
}

TEST(Match, SameValueUnderAnotherStateFails) {
  Verdict verdict = match(expecting(Outcome::kReturns, "2"), observed(Outcome::kThrows, "2"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_EQ(verdict.message, "expected returns 2\nobserved throws 2");
}

TEST(Match, PendingExpectedButSettled) {
  Verdict verdict = match(expecting(Outcome::kPending, "true"), observed(Outcome::kFulfilled, "1"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_EQ(verdict.message, "expected pending\nobserved fulfilled 1");
}

TEST(Match, PendingPassesWhateverTheValue) {
  Verdict verdict =
      match(expecting(Outcome::kPending, "true"), observed(Outcome::kPending, "null"));
  EXPECT_TRUE(verdict.pass) << verdict.message;
}

TEST(Match, WrongValueNamesWhereItDiffers) {
  Verdict verdict = match(expecting(Outcome::kFulfilled, R"({"a": [1, 2]})"),
                          observed(Outcome::kFulfilled, R"({"a": [1, 3]})"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_TRUE(contains(verdict.message, "expected fulfilled {\"a\":[1,2]}")) << verdict.message;
  EXPECT_TRUE(contains(verdict.message, "observed fulfilled {\"a\":[1,3]}")) << verdict.message;
  EXPECT_TRUE(contains(verdict.message, "at a[1]: expected 2, observed 3")) << verdict.message;
}

TEST(Match, ValueUsesTheObservedGlobalsForSame) {
  Verdict verdict = match(expecting(Outcome::kFulfilled, R"({"$same": "g"})"),
                          observed(Outcome::kFulfilled, "4", "[]", R"({"g": 4})"));
  EXPECT_TRUE(verdict.pass) << verdict.message;
}

TEST(Match, LogIsIgnoredWhenNotExpected) {
  Verdict verdict =
      match(expecting(Outcome::kReturns, "1"), observed(Outcome::kReturns, "1", "[1, 2]"));
  EXPECT_TRUE(verdict.pass) << verdict.message;
}

TEST(Match, MatchingLogPasses) {
  Verdict verdict = match(expecting(Outcome::kReturns, "1", R"([0, {"$any": true}])"),
                          observed(Outcome::kReturns, "1", R"([0, "x"])"));
  EXPECT_TRUE(verdict.pass) << verdict.message;
}

TEST(Match, EmptyLogExpectedAndObservedPasses) {
  Verdict verdict =
      match(expecting(Outcome::kReturns, "1", "[]"), observed(Outcome::kReturns, "1", "[]"));
  EXPECT_TRUE(verdict.pass) << verdict.message;
}

TEST(Match, LogDifferenceNamesTheFirstDifferingIndex) {
  Verdict verdict = match(expecting(Outcome::kReturns, "1", "[1, 2, 3, 9]"),
                          observed(Outcome::kReturns, "1", "[1, 2, 4, 8]"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_TRUE(contains(verdict.message, "expected log [1,2,3,9]")) << verdict.message;
  EXPECT_TRUE(contains(verdict.message, "observed log [1,2,4,8]")) << verdict.message;
  EXPECT_TRUE(contains(verdict.message, "first difference log[2]: expected 3, observed 4"))
      << verdict.message;
}

TEST(Match, ShorterLogNamesTheMissingEntry) {
  Verdict verdict =
      match(expecting(Outcome::kReturns, "1", "[1, 2]"), observed(Outcome::kReturns, "1", "[1]"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_TRUE(contains(verdict.message, "first difference log[1]: expected 2, observed nothing"))
      << verdict.message;
}

TEST(Match, LongerLogNamesTheExtraEntry) {
  Verdict verdict = match(expecting(Outcome::kReturns, "1", "[1, 2]"),
                          observed(Outcome::kReturns, "1", "[1, 2, \"z\"]"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_TRUE(
      contains(verdict.message, "first difference log[2]: expected nothing, observed \"z\""))
      << verdict.message;
}

TEST(Match, LogIsCheckedForPendingCases) {
  Verdict verdict = match(expecting(Outcome::kPending, "true", "[1]"),
                          observed(Outcome::kPending, "null", "[2]"));
  EXPECT_FALSE(verdict.pass);
  EXPECT_TRUE(contains(verdict.message, "first difference log[0]")) << verdict.message;
}

}  // namespace
}  // namespace settle
