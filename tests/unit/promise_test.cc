// The project's own Promise for Duktape (engines/duktape/promise.js): spec points that the case
// corpus leans on, checked directly on the engine.
#include <gtest/gtest.h>

#include "engine_fixture.h"

namespace settle::testing {
namespace {

using nlohmann::json;

class PromiseTest : public DuktapeTest {};

TEST_F(PromiseTest, MethodsHaveTheSpecLengthNameAndAttributes) {
  EXPECT_EQ(
      value_of(
          "function d(o, k) { var x = Object.getOwnPropertyDescriptor(o, k);"
          " return [typeof x.value, x.writable, x.enumerable, x.configurable]; }"
          "[d(this, 'Promise'), d(Promise.prototype, 'then'), d(Promise.prototype, 'finally'),"
          " d(Promise, 'prototype'), Promise.length, Promise.prototype.then.length,"
          " Promise.prototype.finally.length, Promise.prototype.finally.name, Promise.all.name,"
          " d(Promise.prototype.finally, 'name')]"),
      json::parse(R"json([["function", true, false, true], ["function", true, false, true],
                            ["function", true, false, true], ["object", false, false, false],
                            1, 2, 1, "finally", "all", ["string", false, false, true]])json"));
}

TEST_F(PromiseTest, LengthComesJustBeforeNameOnEveryBuiltinFunction) {
  // test262's Promise/property-order.js; Duktape's own order puts `prototype` between them.
  EXPECT_EQ(value_of("[Promise, AggregateError, Promise.prototype.then, Promise.all].map("
                     "function (f) { var names = Object.getOwnPropertyNames(f);"
                     " return names.indexOf('name') - names.indexOf('length'); })"),
            json::parse("[1, 1, 1, 1]"));
}

TEST_F(PromiseTest, PrototypeMethodsAreNotConstructors) {
  Observation observed = run("new Promise.prototype.finally()");
  EXPECT_EQ(observed.state(), Outcome::kThrows);
  EXPECT_EQ(value_json(observed)["$error"], "TypeError");
}

TEST_F(PromiseTest, PromiseNeedsNewAndACallableExecutor) {
  EXPECT_EQ(value_json(run("Promise(function () {})"))["$error"], "TypeError");
  EXPECT_EQ(value_json(run("new Promise(1)"))["$error"], "TypeError");
}

TEST_F(PromiseTest, FinallyPassesValuesAndReasonsThrough) {
  Observation fulfilled = run("Promise.resolve(2).finally(function () { return 77; })");
  EXPECT_EQ(fulfilled.state(), Outcome::kFulfilled);
  EXPECT_EQ(value_json(fulfilled), 2);
  Observation rejected = run("Promise.reject(3).finally(function () { throw 99; })");
  EXPECT_EQ(rejected.state(), Outcome::kRejected);
  EXPECT_EQ(value_json(rejected), 99);
}

TEST_F(PromiseTest, ReactionJobsInterleaveAsInTheSpec) {
  // The order node and SpiderMonkey give: finally takes two more jobs than then.
  Observation observed =
      run("Promise.resolve().finally(function () { $log('f'); }).then(function () { $log('after "
          "f'); });"
          "Promise.resolve().then(function () { $log(1); }).then(function () { $log(2); })"
          "  .then(function () { $log(3); }).then(function () { $log(4); });");
  EXPECT_EQ(log_json(observed), json::parse(R"json(["f", 1, 2, 3, "after f", 4])json"));
}

TEST_F(PromiseTest, ResolvingWithAThenableTakesAJob) {
  Observation observed = run(
      "new Promise(function (r) { r(Promise.resolve()); }).then(function () { $log('outer'); });"
      "Promise.resolve().then(function () { $log(1); }).then(function () { $log(2); })"
      "  .then(function () { $log(3); });");
  EXPECT_EQ(log_json(observed), json::parse(R"json([1, 2, "outer", 3])json"));
}

TEST_F(PromiseTest, CombinatorsSettleAsSpecified) {
  EXPECT_EQ(value_json(run("Promise.all([1, Promise.resolve(2), {then: function (r) { r(3); }}])")),
            json::parse("[1, 2, 3]"));
  EXPECT_EQ(
      value_json(run("Promise.allSettled([1, Promise.reject(2)])")),
      json::parse(
          R"json([{"status": "fulfilled", "value": 1}, {"status": "rejected", "reason": 2}])json"));
  Observation any = run("Promise.any([Promise.reject(1), Promise.reject(2)])");
  EXPECT_EQ(any.state(), Outcome::kRejected);
  EXPECT_EQ(value_json(any)["$error"], "AggregateError");
  EXPECT_EQ(value_json(any)["errors"], json::parse("[1, 2]"));
  EXPECT_EQ(value_json(run("Promise.race([new Promise(function () {}), Promise.resolve('r')])")),
            "r");
}

TEST_F(PromiseTest, WithResolversAndTryExist) {
  EXPECT_EQ(value_json(run("var w = Promise.withResolvers(); w.resolve(4); w.promise")), 4);
  Observation tried = run("Promise.try(function (a) { throw a; }, 'arg')");
  EXPECT_EQ(tried.state(), Outcome::kRejected);
  EXPECT_EQ(value_json(tried), "arg");
}

TEST_F(PromiseTest, ThenUsesTheSpeciesConstructor) {
  // ES5 subclassing: Duktape's Reflect.construct does not take a newTarget.
  Observation observed =
      run("function Sub(executor) { $log('Sub'); var p = new Promise(executor);"
          "  Object.setPrototypeOf(p, Sub.prototype); return p; }"
          "Sub.prototype = Object.create(Promise.prototype);"
          "Sub.prototype.constructor = Sub; Sub[Symbol.species] = Sub;"
          "var s = new Promise(function (r) { r(1); }); Object.setPrototypeOf(s, Sub.prototype);"
          "s.then(function () {}) instanceof Sub");
  EXPECT_EQ(value_json(observed), true);
  EXPECT_EQ(log_json(observed), json::parse(R"json(["Sub"])json"));
}

TEST_F(PromiseTest, InternalSlotsAreInvisible) {
  EXPECT_EQ(
      value_of("var p = Promise.resolve(1);"
               "[Object.getOwnPropertyNames(p).length, Object.getOwnPropertySymbols(p).length,"
               " Reflect.ownKeys(p).length, JSON.stringify(p)]"),
      json::parse(R"json([0, 0, 0, "{}"])json"));
}

TEST_F(PromiseTest, AFrozenPromiseStillSettles) {
  // Duktape's Object.freeze freezes hidden-symbol properties too: the slots must not be frozen.
  Observation observed =
      run("var resolve; var p = new Promise(function (r) { resolve = r; });"
          "Object.freeze(p); p.then(function (v) { $log(v); }); resolve(5); p");
  EXPECT_EQ(observed.state(), Outcome::kFulfilled);
  EXPECT_EQ(value_json(observed), 5);
  EXPECT_EQ(log_json(observed), json::parse("[5]"));
}

TEST_F(PromiseTest, ToStringTagIsPromise) {
  EXPECT_EQ(value_of("Object.prototype.toString.call(Promise.resolve())"), "[object Promise]");
}

}  // namespace
}  // namespace settle::testing
