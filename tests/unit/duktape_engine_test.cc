// The Duktape adapter: realms, the host API, timers, the job queue, timeouts and the memory cap.
#include <gtest/gtest.h>

#include "engine_fixture.h"

namespace settle::testing {
namespace {

using nlohmann::json;

TEST_F(DuktapeTest, CompletionValueIsTheSubject) {
  EXPECT_EQ(value_of("var x = 40; x + 2;"), 42);
  EXPECT_EQ(value_of("if (true) { 'then-branch'; } else { 'else'; }"), "then-branch");
}

TEST_F(DuktapeTest, EachCaseGetsAFreshRealm) {
  EXPECT_EQ(value_of("leaked = 1; Object.prototype.polluted = 2; Promise.resolve = null; 0"), 0);
  EXPECT_EQ(value_of("[typeof leaked, ({}).polluted, typeof Promise.resolve]"),
            json::parse(R"json(["undefined", {"$": "undefined"}, "function"])json"));
}

TEST_F(DuktapeTest, OnlyTheHostApiIsAddedToTheGlobalObject) {
  json names = value_of(
      "(function (global) { var builtins = ['Object', 'Function', 'Array', 'String', 'Boolean', "
      "'Number', 'Date',"
      " 'RegExp', 'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError',"
      " 'URIError', 'Math', 'JSON', 'NaN', 'Infinity', 'undefined', 'eval', 'parseInt', "
      "'parseFloat',"
      " 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',"
      " 'escape', 'unescape', 'Proxy', 'Reflect', 'Symbol', 'globalThis', 'Duktape', 'CBOR',"
      " 'TextEncoder', 'TextDecoder', 'performance', 'ArrayBuffer', 'DataView', 'Int8Array',"
      " 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', "
      "'Uint32Array',"
      " 'Float32Array', 'Float64Array', 'Buffer'];"
      "return Object.getOwnPropertyNames(global).filter(function (n) { return builtins.indexOf(n) "
      "< 0; }).sort();"
      "})(this)");
  EXPECT_EQ(
      names,
      json::parse(
          R"json(["$log", "AggregateError", "Promise", "clearInterval", "clearTimeout", "print",
                   "setInterval", "setTimeout"])json"));
}

TEST_F(DuktapeTest, StrictCasesRunAsStrictCode) {
  EXPECT_EQ(value_json(run("(function () { return this; })()", true)),
            json::parse(R"json({"$": "undefined"})json"));
  EXPECT_EQ(value_json(run("(function () { return typeof this; })()", false)), "object");
  Observation assignment = run("undeclared = 1", true);
  EXPECT_EQ(assignment.state(), Outcome::kThrows);
  EXPECT_EQ(value_json(assignment)["$error"], "ReferenceError");
}

TEST_F(DuktapeTest, ASyntaxErrorIsAThrowMarkedAsParseError) {
  Observation observed = run("var = ;");
  EXPECT_EQ(observed.state(), Outcome::kThrows);
  EXPECT_TRUE(threw_in(observed, Test262Phase::kParse));
  EXPECT_EQ(value_json(observed)["$error"], "SyntaxError");
  EXPECT_FALSE(threw_in(run("throw new SyntaxError('at run time')"), Test262Phase::kParse));
}

TEST_F(DuktapeTest, TimersRunAfterJobsInOrderOfDueTimeThenOfSetting) {
  Observation observed =
      run("setTimeout(function () { $log('late'); }, 20);"
          "setTimeout(function () { $log('early-1'); Promise.resolve().then(function () { "
          "$log('job in timer'); }); }, 5);"
          "setTimeout(function () { $log('early-2'); }, 5);"
          "var cleared = setTimeout(function () { $log('cleared'); }, 1); clearTimeout(cleared);"
          "setTimeout(function (a, b) { $log(a + b); }, 0, 'ar', 'gs');"
          "Promise.resolve().then(function () { $log('job'); });"
          "$log('sync');");
  EXPECT_EQ(
      log_json(observed),
      json::parse(
          R"json(["sync", "job", "args", "early-1", "job in timer", "early-2", "late"])json"));
}

// An interval re-arms after each run on the virtual clock, between the timeouts due on its way,
// until either clear function stops it (the ids are shared).
TEST_F(DuktapeTest, AnIntervalRepeatsOnTheVirtualClockUntilCleared) {
  Observation observed =
      run("var n = 0; var every = setInterval(function (tag) { $log(tag + (++n));"
          " if (n === 3) clearTimeout(every); }, 10, 'i');"
          "setTimeout(function () { $log('t15'); }, 15);"
          "var never = setInterval(function () { $log('never'); }, 0); clearInterval(never);");
  EXPECT_EQ(log_json(observed), json::parse(R"json(["i1", "t15", "i2", "i3"])json"));
  EXPECT_EQ(observed.state(), Outcome::kReturns);
  EXPECT_FALSE(timed_out(observed));
}

TEST_F(DuktapeTest, AHourLongTimerDoesNotSleep) {
  // The virtual clock jumps to the timer's due time; the case finishes in far less than its
  // timeout.
  Observation observed =
      run("setTimeout(function () { $log('done'); }, 3600 * 1000);", false, 2000);
  EXPECT_FALSE(timed_out(observed));
  EXPECT_EQ(log_json(observed), json::parse(R"json(["done"])json"));
}

TEST_F(DuktapeTest, AnInfiniteLoopTimesOutAndTheEngineRunsTheNextCase) {
  Observation looping = run("while (true) {}", false, 200);
  EXPECT_TRUE(timed_out(looping));
  EXPECT_FALSE(looping.state().has_value());
  EXPECT_EQ(value_of("'next'"), "next");
}

TEST_F(DuktapeTest, ACatchCannotSwallowTheTimeout) {
  Observation observed =
      run("for (;;) { try { while (true) {} } catch (e) { $log('caught'); } }", false, 200);
  EXPECT_TRUE(timed_out(observed));
}

TEST_F(DuktapeTest, AnEndlessJobLoopTimesOut) {
  Observation observed = run("function f() { Promise.resolve().then(f); } f()", false, 200);
  EXPECT_TRUE(timed_out(observed));
}

TEST_F(DuktapeTest, AnEndlessTimerLoopTimesOut) {
  Observation observed = run("function f() { setTimeout(f, 1); } f()", false, 200);
  EXPECT_TRUE(timed_out(observed));
}

// A getter that loops while the report is written is case code past its deadline (issue 21: it
// was an error, "could not be serialised: RangeError: execution timeout").
TEST_F(DuktapeTest, ALoopWhileTheReportIsWrittenTimesOut) {
  Observation observed = run("Promise.resolve({ get x() { for (;;) {} } })", false, 200);
  EXPECT_TRUE(timed_out(observed)) << fault_text(observed);
  EXPECT_EQ(value_of("'next'"), "next");
}

TEST_F(DuktapeTest, TheLogSoFarIsKeptOnTimeout) {
  Observation observed = run("$log('before'); while (true) {}", false, 100);
  EXPECT_TRUE(timed_out(observed));
  EXPECT_EQ(log_json(observed), json::parse(R"json(["before"])json"));
}

TEST_F(DuktapeTest, AMemoryBombIsAnErrorAndTheEngineRunsTheNextCase) {
  Observation observed = run("var s = 'x', a = []; while (true) { s = s + s; a.push(s); }");
  EXPECT_FALSE(observed.state().has_value());
  EXPECT_NE(fault_text(observed).find("memory limit"), std::string::npos) << fault_text(observed);
  EXPECT_EQ(value_of("'next'"), "next");
}

TEST_F(DuktapeTest, DeepRecursionIsARangeError) {
  Observation observed = run("function f() { return f() + 1; } f()");
  EXPECT_EQ(observed.state(), Outcome::kThrows);
  EXPECT_EQ(value_json(observed)["$error"], "RangeError");
}

// The case still ran to its outcome; the judge makes the uncaught exception an error (a failure for
// a test262 test).
TEST_F(DuktapeTest, AnUncaughtThrowInATimerIsReportedBesideTheOutcome) {
  Observation observed = run("setTimeout(function () { throw new TypeError('late'); }, 0); 1");
  EXPECT_EQ(observed.state(), Outcome::kReturns);
  EXPECT_EQ(value_json(observed), 1);
  ASSERT_TRUE(observed.uncaught);
  EXPECT_NE(observed.uncaught->find("uncaught exception in a timer callback"), std::string::npos);
  EXPECT_NE(observed.uncaught->find("late"), std::string::npos);
}

// test262 puts throwing setters on the prototypes to prove that built-ins never call them. The
// adapter's own writes must not call them either: outside a protected call, such a throw would be a
// Duktape fatal error.
TEST_F(DuktapeTest, SettersAndToJsonOnThePrototypesLeaveTheHostAlone) {
  Observation observed =
      run("function boom() { throw new Error('setter'); }"
          "Object.defineProperty(Array.prototype, 0, { set: boom });"
          "Object.defineProperty(Object.prototype, 'printed', { set: boom });"
          "Object.prototype.toJSON = function () { return 1; };"
          "$log([1, 'caf\u00e9']);"
          "Promise.resolve(3).then(function (x) { return [x]; })");
  EXPECT_FALSE(observed.uncaught) << *observed.uncaught;
  EXPECT_EQ(observed.state(), Outcome::kFulfilled) << fault_text(observed);
  EXPECT_EQ(value_json(observed), nlohmann::json::array({3}));
  EXPECT_EQ(log_json(observed), nlohmann::json::parse(R"([[1, "caf\u00e9"]])"));
}

TEST_F(DuktapeTest, PrintIsCollected) {
  EXPECT_EQ(run("print('Test262:AsyncTestComplete'); print(2)").printed,
            "Test262:AsyncTestComplete\n2\n");
}

TEST_F(DuktapeTest, ANativePromiseIsObservedWithoutCallingThen) {
  Observation observed =
      run("var p = Promise.resolve(5);"
          "p.then = function () { $log('then called'); return Promise.prototype.then.apply(this, "
          "arguments); };"
          "p");
  EXPECT_EQ(observed.state(), Outcome::kFulfilled);
  EXPECT_EQ(value_json(observed), 5);
  EXPECT_EQ(log_json(observed), json::array());
}

TEST_F(DuktapeTest, AThenableIsObservedThroughItsThen) {
  Observation fulfilled =
      run("({ then: function (resolve) { $log('then'); resolve(7); resolve(8); } })");
  EXPECT_EQ(fulfilled.state(), Outcome::kFulfilled);
  EXPECT_EQ(value_json(fulfilled), 7);
  EXPECT_EQ(log_json(fulfilled), json::parse(R"json(["then"])json"));
  Observation throwing = run("({ then: function () { throw 'nope'; } })");
  EXPECT_EQ(throwing.state(), Outcome::kRejected);
  EXPECT_EQ(value_json(throwing), "nope");
  Observation getter = run("({ get then() { throw 'getter'; } })");
  EXPECT_EQ(getter.state(), Outcome::kRejected);
  EXPECT_EQ(value_json(getter), "getter");
  EXPECT_EQ(run("({ then: function () {} })").state(), Outcome::kPending);
  EXPECT_EQ(run("({ then: 1 })").state(), Outcome::kReturns);
}

TEST_F(DuktapeTest, WatchedGlobalsAreReportedAndRecognised) {
  Observation observed =
      run("var g = {a: 1}; var n = 3; [g, {b: g}]", false, 5000, {"g", "n", "missing"});
  EXPECT_EQ(value_json(observed),
            json::parse(R"json([{"$same": "g"}, {"b": {"$same": "g"}}])json"));
  EXPECT_EQ(globals_json(observed), json::parse(R"json({"g": {"a": 1}, "n": 3})json"));
}

TEST_F(DuktapeTest, FeatureProbesTellSyntaxDuktapeLacks) {
  const EngineInfo& info = factory_->info();
  EXPECT_EQ(info.version, "duktape 2.7.0");
  EXPECT_TRUE(info.lacks("arrow-function"));
  EXPECT_TRUE(info.lacks("class"));
  EXPECT_FALSE(info.lacks("Symbol.species"));  // promise.js installs it
  EXPECT_FALSE(info.lacks("Proxy"));
  EXPECT_FALSE(info.lacks("Promise.prototype.finally"));  // never probed: a missing one fails
}

class DuktapePreludeTest : public DuktapeTest {
 protected:
  DuktapePreludeTest()
      : DuktapeTest(EngineOptions{
            {{"patch.js",
              "var preludeRuns = (typeof preludeRuns === 'number' ? preludeRuns : 0) + 1;"
              "function fromPrelude() { return 'yes'; }"
              "Promise.prototype.finally = function () { return 'patched'; };"}},
            512u << 20}) {}
};

TEST_F(DuktapePreludeTest, APreludeRunsInEveryRealmBeforeTheCase) {
  EXPECT_EQ(value_of("[preludeRuns, fromPrelude(), Promise.resolve(1).finally()]"),
            json::parse(R"json([1, "yes", "patched"])json"));
  EXPECT_EQ(value_of("preludeRuns"), 1);  // a fresh realm again, not the same one twice
}

TEST(DuktapeFactory, APreludeThatThrowsIsAFaultOfTheCase) {
  DuktapeEngineFactory factory(
      find_profile("duktape", resolve_engines_dir("")),
      EngineOptions{{{"bad.js", "throw new Error('broken prelude')"}}, 512u << 20});
  auto engine = factory.create();
  Case test;
  test.id = "x";
  test.code = "1";
  Job job;
  job.test = &test;
  Observation observed = engine->run(job);
  EXPECT_NE(fault_text(observed).find("prelude bad.js threw: Error: broken prelude"),
            std::string::npos)
      << fault_text(observed);
}

}  // namespace
}  // namespace settle::testing
