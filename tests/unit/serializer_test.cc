// The report notation as the host prelude (engines/host/host.js) writes observed values.
#include <gtest/gtest.h>

#include "engine_fixture.h"
#include "tests/unit/observed.h"

namespace settle::testing {
namespace {

using nlohmann::json;

class SerializerTest : public DuktapeTest {};

TEST_F(SerializerTest, SpecialNumbersAndUndefinedAreTagged) {
  EXPECT_EQ(value_of("[undefined, NaN, -0, 0, Infinity, -Infinity, 1.5, null, true]"),
            json::parse(R"json([{"$": "undefined"}, {"$": "NaN"}, {"$": "-0"}, 0, {"$": "Infinity"},
                            {"$": "-Infinity"}, 1.5, null, true])json"));
}

TEST_F(SerializerTest, StringsKeepEveryCharacterButLoneSurrogates) {
  EXPECT_EQ(value_of("['caf\\u00e9', '\\ud83d\\ude00', 'a\\ud800b', '\\udc00', 'q\"\\n\\u0001']"),
            json::parse(R"json(["café", "😀", "a\ufffdb", "\ufffd", "q\"\n\u0001"])json"));
}

TEST_F(SerializerTest, SymbolsAreWrittenWithTheirDescription) {
  EXPECT_EQ(
      value_of("[Symbol('desc'), Symbol(), Symbol.iterator]"),
      json::parse(
          R"json([{"$symbol": "desc"}, {"$symbol": null}, {"$symbol": "Symbol.iterator"}])json"));
}

TEST_F(SerializerTest, FunctionsAreWrittenWithTheirName) {
  EXPECT_EQ(
      value_of("[function named() {}, Promise.prototype.then]"),
      json::parse(
          R"json([{"$function": true, "name": "named"}, {"$function": true, "name": "then"}])json"));
}

TEST_F(SerializerTest, ErrorsAreWrittenWithNameAndMessage) {
  EXPECT_EQ(
      value_of("[new TypeError('bad'), new RangeError()]"),
      json::parse(
          R"json([{"$error": "TypeError", "message": "bad"}, {"$error": "RangeError", "message": ""}])json"));
  EXPECT_EQ(value_of("new AggregateError([1, new Error('x')], 'all failed')"),
            json::parse(R"json({"$error": "AggregateError", "message": "all failed",
                            "errors": [1, {"$error": "Error", "message": "x"}]})json"));
}

TEST_F(SerializerTest, ObjectsKeepOwnEnumerableStringKeysInOrder) {
  json value = value_of(
      "var o = Object.create({inherited: 1}); o.b = 1; o.a = 2;"
      "Object.defineProperty(o, 'hidden', {value: 3, enumerable: false}); o[Symbol('s')] = 4; o");
  EXPECT_EQ(value.dump(),
            R"json({"a":2,"b":1})json");  // nlohmann sorts; the keys are exactly these
}

TEST_F(SerializerTest, KeysThatBeginWithDollarAreEscaped) {
  EXPECT_EQ(value_of("({$: 1, $error: 2, plain: 3})"),
            json::parse(R"json({"$$": 1, "$$error": 2, "plain": 3})json"));
}

TEST_F(SerializerTest, AProtoKeyStaysAnOwnProperty) {
  EXPECT_EQ(value_of("JSON.parse('{\"__proto__\": {\"x\": 1}}')"),
            json::parse(R"json({"__proto__": {"x": 1}})json"));
}

TEST_F(SerializerTest, ArraysKeepHolesAsUndefined) {
  EXPECT_EQ(value_of("[1, , 3]"), json::parse(R"json([1, {"$": "undefined"}, 3])json"));
}

TEST_F(SerializerTest, CyclesAreCut) {
  EXPECT_EQ(value_of("var o = {name: 'o'}; o.self = o; o"),
            json::parse(R"json({"name": "o", "self": {"$cut": true}})json"));
  EXPECT_EQ(value_of("var a = []; a.push(a); a"), json::parse(R"json([{"$cut": true}])json"));
}

TEST_F(SerializerTest, ASharedObjectThatIsNotACycleIsWrittenTwice) {
  EXPECT_EQ(value_of("var s = {v: 1}; [s, s]"), json::parse(R"json([{"v": 1}, {"v": 1}])json"));
}

TEST_F(SerializerTest, DepthBeyondEightIsCut) {
  json value = value_of("var o = {}, p = o; for (var i = 0; i < 20; i++) { p.n = {}; p = p.n; } o");
  int depth = 0;
  const json* at = &value;
  while (at->contains("n")) {
    at = &(*at)["n"];
    ++depth;
  }
  EXPECT_EQ(depth, 8);
  EXPECT_EQ(*at, json::parse(R"json({"$cut": true})json"));
}

TEST_F(SerializerTest, AHugeGraphIsCutRatherThanWrittenWhole) {
  json value = value_of("var a = []; for (var i = 0; i < 50000; i++) a.push({i: i}); a");
  ASSERT_TRUE(value.is_object());
  EXPECT_EQ(value, json::parse(R"json({"$cut": true})json"));
}

TEST_F(SerializerTest, AThrowingGetterOrProxyTrapIsAFaultWithAMessage) {
  Observation getter = run("({ get x() { throw new Error('getter says no'); } })");
  EXPECT_NE(testing::fault_text(getter).find("getter says no"), std::string::npos)
      << testing::fault_text(getter);
  Observation proxy =
      run("new Proxy({}, { ownKeys: function () { throw new TypeError('trap'); } })");
  EXPECT_NE(testing::fault_text(proxy).find("trap"), std::string::npos)
      << testing::fault_text(proxy);
}

TEST_F(SerializerTest, LoggedValuesAreWrittenAtTheEndNotWhenLogged) {
  // Serialising at $log time could run a getter in the middle of the case, changing it.
  Observation observed = run("var o = {v: 1}; $log(o); o.v = 2; 0");
  EXPECT_EQ(testing::log_json(observed), json::parse(R"json([{"v": 2}])json"));
}

}  // namespace
}  // namespace settle::testing
