// The parts of `settle explore` that need no engine: the generator's reproducibility, the
// rendering, the reducer and deduplication.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "runner/explore/explore_generator.h"
#include "runner/explore/explore_program.h"
#include "runner/explore/explore_reducer.h"
#include "runner/explore/explore_verdict.h"
#include "tests/unit/observed.h"

namespace settle {
namespace {

const std::set<std::string> kAllFeatures = {
    "class",       "async-functions",        "async-iteration",
    "promise-try", "promise-with-resolvers", "Symbol.species"};

std::string text_of(const Program& program) {
  std::string text;
  for (const std::string& line : render(program)) text += line + "\n";
  return text;
}

TEST(ExploreGenerator, SameSeedAndNumberGiveTheSameProgram) {
  for (std::uint64_t n = 0; n < 50; ++n)
    EXPECT_EQ(text_of(generate_program(7, n, kAllFeatures)),
              text_of(generate_program(7, n, kAllFeatures)));
}

TEST(ExploreGenerator, SeedsAndNumbersGiveDifferentPrograms) {
  std::set<std::string> seen;
  for (std::uint64_t seed = 1; seed <= 3; ++seed)
    for (std::uint64_t n = 0; n < 30; ++n)
      seen.insert(text_of(generate_program(seed, n, kAllFeatures)));
  EXPECT_GT(seen.size(), 80u);
}

// The PRNG is SplitMix64 with its own range mapping: these values hold on every platform.
TEST(ExploreGenerator, PrngIsPlatformIndependent) {
  ExplorePrng prng(1);
  EXPECT_EQ(prng.next(), 0x910a2dec89025cc1ULL);
  ExplorePrng ranged(42);
  std::vector<int> draws;
  for (int i = 0; i < 6; ++i) draws.push_back(ranged.below(10));
  ExplorePrng again(42);
  for (int draw : draws) EXPECT_EQ(again.below(10), draw);
  for (int draw : draws) EXPECT_LT(draw, 10);
}

TEST(ExploreGenerator, KeepsToTheEnginesFeatures) {
  for (std::uint64_t n = 0; n < 200; ++n) {
    const Program program = generate_program(3, n, {});
    EXPECT_TRUE(program_features(program).empty()) << text_of(program);
    const std::string text = text_of(program);
    EXPECT_EQ(text.find("async"), std::string::npos) << text;
    EXPECT_EQ(text.find("class"), std::string::npos) << text;
    EXPECT_EQ(text.find("Promise.try"), std::string::npos) << text;
    EXPECT_EQ(text.find("withResolvers"), std::string::npos) << text;
    EXPECT_EQ(text.find("Symbol.species"), std::string::npos) << text;
  }
}

TEST(ExploreGenerator, CoversTheGrammar) {
  std::string all;
  for (std::uint64_t n = 0; n < 300; ++n) all += text_of(generate_program(5, n, kAllFeatures));
  for (const char* piece : {".finally(",
                            ".catch(",
                            ".then(",
                            "Promise.all(",
                            "Promise.allSettled(",
                            "Promise.any(",
                            "Promise.race(",
                            "new Promise(",
                            "await ",
                            "for await",
                            "class SubPromise",
                            "get then()",
                            "setTimeout(",
                            "throw ",
                            "Promise.try(",
                            "Promise.withResolvers()",
                            ".reject(",
                            "q.constructor = Object",
                            "Promise.prototype.finally.call(1, ",
                            "C[Symbol.species] = C",
                            "typeof f, typeof r",
                            "q.then = function",
                            "'use strict'",
                            "tick 4"})
    EXPECT_NE(all.find(piece), std::string::npos) << piece;
}

// Every program has a ruler, one step more: from a promise of its own (-1) or of an earlier step,
// before the last step (the subject), with an id no other step has; the other steps are numbered
// 0.. in order, as the main stream made them before rulers existed.
TEST(ExploreGenerator, ARulerIsAStepOfItsOwnBeforeTheSubject) {
  int from_its_own = 0;
  for (std::uint64_t n = 0; n < 400; ++n) {
    const Program program = generate_program(2, n, kAllFeatures);
    std::vector<int> others;
    int rulers = 0;
    for (std::size_t i = 0; i < program.steps.size(); ++i) {
      const Step& step = program.steps[i];
      if (step.kind != StepKind::kRuler) {
        others.push_back(step.id);
        continue;
      }
      ++rulers;
      EXPECT_LT(i + 1, program.steps.size()) << text_of(program);
      EXPECT_EQ(step.id, static_cast<int>(program.steps.size()) - 1) << text_of(program);
      if (step.args[0] == -1) {
        ++from_its_own;
        continue;
      }
      EXPECT_TRUE(std::any_of(program.steps.begin(), program.steps.begin() + i,
                              [&](const Step& before) { return before.id == step.args[0]; }))
          << text_of(program);
    }
    EXPECT_EQ(rulers, 1) << text_of(program);
    for (std::size_t i = 0; i < others.size(); ++i) EXPECT_EQ(others[i], static_cast<int>(i));
  }
  EXPECT_GT(from_its_own, 150);
  EXPECT_LT(from_its_own, 250);
}

TEST(ExploreRender, MissingReferenceBecomesAResolvedPromise) {
  Program program;
  program.steps.push_back({StepKind::kChain, 3, {1, 2, 0, 0, -1}});
  EXPECT_EQ(render(program),
            (std::vector<std::string>{
                "var p3 = Promise.resolve(1).finally(function (v) { $log([\"3 finally\", v]); "
                "return 30; });",
                "p3;"}));
}

TEST(ExploreRender, ARulerLogsEachTickAndStartsOnRejectionToo) {
  Program program;
  program.steps.push_back({StepKind::kRejected, 0, {1}});
  program.steps.push_back({StepKind::kRuler, 1, {0, 2}});
  EXPECT_EQ(render(program)[1],
            "var p1 = p0.then(function () { $log(\"1 tick 1\"); }, function () { $log(\"1 tick "
            "1\"); }).then(function () { $log(\"1 tick 2\"); }).then(function () { $log(\"1 "
            "tick 3\"); });");
}

// A difference planted in `finally` with a thenable result: the reducer must bring any program
// that has one down to that single step with every other choice at its simplest.
TEST(ExploreReducer, PlantedDifferenceReducesToTheKnownMinimalProgram) {
  auto planted = [](const Program& program) {
    return std::any_of(program.steps.begin(), program.steps.end(), [](const Step& step) {
      return step.kind == StepKind::kChain && step.args[1] == 2 && step.args[2] == 4;
    });
  };
  std::size_t reduced = 0;
  for (std::uint64_t n = 0; n < 400 && reduced < 5; ++n) {
    Program program = generate_program(11, n, kAllFeatures);
    if (!planted(program) || program.steps.size() < 3) continue;
    ++reduced;
    std::size_t batches = 0;
    const Program minimal = reduce_program(program, [&](const std::vector<Program>& candidates) {
      ++batches;
      std::vector<bool> fails;
      for (const Program& candidate : candidates) fails.push_back(planted(candidate));
      return fails;
    });
    ASSERT_EQ(minimal.steps.size(), 1u) << text_of(minimal);
    const Step& step = minimal.steps[0];
    EXPECT_EQ(step.kind, StepKind::kChain);
    EXPECT_EQ(step.args, (std::vector<int>{-1, 2, 4, 0, -1})) << text_of(minimal);
    EXPECT_GT(batches, 1u);
  }
  EXPECT_EQ(reduced, 5u);
}

TEST(ExploreReducer, KeepsWhatTheDifferenceNeeds) {
  // The difference needs a chain on a constructed promise that settles later.
  Program program;
  program.steps.push_back({StepKind::kResolved, 0, {3}});
  program.steps.push_back({StepKind::kConstruct, 1, {2, 3, 0}});
  program.steps.push_back({StepKind::kTimer, 2, {0, 2}});
  program.steps.push_back({StepKind::kChain, 3, {1, 1, 5, 2, 0}});
  auto fails = [](const Program& candidate) {
    const std::string text = text_of(candidate);
    return text.find("setTimeout(function () { $log(\"1 later\"); resolve") != std::string::npos &&
           text.find("p1.") != std::string::npos;
  };
  const Program minimal = reduce_program(program, [&](const std::vector<Program>& candidates) {
    std::vector<bool> out;
    for (const Program& candidate : candidates) out.push_back(fails(candidate));
    return out;
  });
  ASSERT_EQ(minimal.steps.size(), 2u) << text_of(minimal);
  EXPECT_EQ(minimal.steps[0], (Step{StepKind::kConstruct, 1, {2, 0, -1}}));
  EXPECT_EQ(minimal.steps[1], (Step{StepKind::kChain, 3, {1, 0, 0, 0, -1}}));
}

Observation observation(Outcome state, nlohmann::json value, nlohmann::json log) {
  Observation observed = testing::ran_to(state, std::move(value));
  observed.log = value_of(std::move(log));
  return observed;
}

TEST(ExploreVerdict, SignatureNamesTheEnginesAndTheParts) {
  const Observation oracle = observation(Outcome::kFulfilled, 1, {"a", "b"});
  std::map<std::string, Observation> observed = {
      {"bun", observation(Outcome::kFulfilled, 1, {"b", "a"})},
      {"hermes", observation(Outcome::kRejected, 1, {"a", "b"})},
      {"jsc", observation(Outcome::kFulfilled, 1, {"a", "b"})},
      {"node", observation(Outcome::kFulfilled, 2, {"a"})},
  };
  Observation timed_out;
  timed_out.ending = TimedOut{};
  observed["slow"] = timed_out;
  EXPECT_EQ(signature_text(signature_of(observed, oracle)),
            "bun:log@b hermes:outcome node:outcome+log@b");
}

// An engine's ordering deviations are told apart by the entry where its log first differs: what
// came too early (or, where its log ends first, what it never logged), without the step number.
TEST(ExploreVerdict, ALogDiffersFirstAtTheWordsOfAnEntry) {
  const nlohmann::json thenable = "3 thenable";
  const nlohmann::json then = nlohmann::json::array({"4 then", -1});
  const Observation oracle =
      observation(Outcome::kFulfilled, 1, nlohmann::json::array({"1 executor", then, thenable}));
  const Observation early_thenable =
      observation(Outcome::kFulfilled, 1, nlohmann::json::array({"1 executor", thenable, then}));
  const Observation short_log =
      observation(Outcome::kFulfilled, 1, nlohmann::json::array({"1 executor"}));
  EXPECT_EQ(first_log_difference(early_thenable, oracle), "thenable");
  EXPECT_EQ(first_log_difference(short_log, oracle), "then");
  EXPECT_EQ(signature_text(signature_of({{"bluebird", early_thenable}}, oracle)),
            "bluebird:log@thenable");
}

TEST(ExploreVerdict, ErrorsDifferByNameNeverByTheirMessagesWording) {
  const nlohmann::json undefined_not_function = {{"$error", "TypeError"},
                                                 {"message", "undefined is not a function"}};
  const nlohmann::json x_not_function = {{"$error", "TypeError"},
                                         {"message", "x is not a function"}};
  Observation oracle = observation(Outcome::kRejected, undefined_not_function,
                                   nlohmann::json::array({undefined_not_function}));
  Observation worded =
      observation(Outcome::kRejected, x_not_function, nlohmann::json::array({x_not_function}));
  Observation renamed = observation(
      Outcome::kRejected, {{"$error", "RangeError"}, {"message", "undefined is not a function"}},
      nlohmann::json::array({undefined_not_function}));
  EXPECT_EQ(differing_part(worded, oracle), "");
  EXPECT_EQ(differing_part(renamed, oracle), "outcome");
  // a "message" of a plain object is data, not wording
  worded = observation(Outcome::kRejected, {{"message", "a"}}, nlohmann::json::array());
  oracle = observation(Outcome::kRejected, {{"message", "b"}}, nlohmann::json::array());
  EXPECT_EQ(differing_part(worded, oracle), "outcome");
}

TEST(ExploreVerdict, RejectionEventsDifferOnlyWhereBothHostsTrackThem) {
  Observation oracle = testing::ran_to(Outcome::kRejected);
  Observation untracked = oracle, tracked = oracle;
  oracle.rejections = value_of(nlohmann::json::array({{{"unhandled", 1}}}));
  tracked.rejections = value_of(nlohmann::json::array({{{"unhandled", 1}}, {{"handled", 1}}}));
  EXPECT_EQ(differing_part(untracked, oracle), "");
  EXPECT_EQ(differing_part(tracked, oracle), "rejections");
  tracked.log = value_of(nlohmann::json::array({1}));
  EXPECT_EQ(differing_part(tracked, oracle), "log+rejections");
}

// A finding must pass on every engine it does not name, whatever their messages say.
TEST(ExploreVerdict, AFindingExpectsErrorsByNameOnly) {
  const nlohmann::json logged = nlohmann::json::parse(
      R"([["5 catch", {"$error": "AggregateError", "errors": [{"$error": "TypeError", "message": "x"}],
                      "message": "No promises passed to Promise.any were fulfilled"}],
          {"message": "a plain object keeps it"}])");
  EXPECT_EQ(without_error_messages(logged),
            nlohmann::json::parse(
                R"([["5 catch", {"$error": "AggregateError", "errors": [{"$error": "TypeError"}]}],
          {"message": "a plain object keeps it"}])"));
  EXPECT_EQ(without_error_messages(nlohmann::json(3)), nlohmann::json(3));
}

// A finding is written only when its case, judged as `settle run` judges it, fails on the engines
// it names and passes on the others: Bun's extra own `cause` of an AggregateError is a difference
// that explore sees but that an error pattern (it matches the members it gives) cannot state.
TEST(ExploreVerdict, AFindingHoldsOnlyWhereItsCaseFailsAsItSays) {
  const nlohmann::json aggregate = {
      {"$error", "AggregateError"}, {"errors", {1}}, {"message", "m"}};
  nlohmann::json with_cause = aggregate;
  with_cause["cause"] = {{"$", "undefined"}};
  with_cause["message"] = "";
  const Observation oracle = observation(Outcome::kRejected, aggregate, {"a", "b"});
  std::map<std::string, Observation> observed = {
      {"engine262", oracle},
      {"bun", observation(Outcome::kRejected, with_cause, {"a", "b"})},
      {"node", observation(Outcome::kRejected, aggregate, {"a", "b"})},
  };
  const Signature cause_only = signature_of(observed, oracle);
  ASSERT_EQ(signature_text(cause_only), "bun:outcome");
  const Expectation expect = finding_expectation(oracle, false);
  EXPECT_EQ(json_of(expect.value), nlohmann::json({{"$error", "AggregateError"}, {"errors", {1}}}));
  EXPECT_FALSE(finding_holds(expect, observed, cause_only));

  observed["bun"] = observation(Outcome::kRejected, with_cause, {"b", "a"});
  const Signature also_log = signature_of(observed, oracle);
  ASSERT_EQ(signature_text(also_log), "bun:outcome+log@b");
  EXPECT_TRUE(finding_holds(expect, observed, also_log));
  // A finding that names an engine which passes its case, or misses one which fails it, fails too.
  EXPECT_FALSE(finding_holds(expect, observed, Signature{{"node", "log@b"}}));
  EXPECT_FALSE(finding_holds(expect, observed, Signature{}));
}

TEST(ExploreVerdict, MajorityNeedsMoreThanHalf) {
  const Observation a = observation(Outcome::kFulfilled, 1, {"a"});
  const Observation b = observation(Outcome::kFulfilled, 1, {"b"});
  auto found = majority_observation({{"x", a}, {"y", a}, {"z", b}});
  ASSERT_TRUE(found);
  EXPECT_EQ(found->log, a.log);
  EXPECT_FALSE(majority_observation({{"x", a}, {"y", b}}));
}

TEST(ExploreVerdict, APartSplitsIntoSinglePartsTheLogKeepingWhereItFirstDiffers) {
  EXPECT_EQ(single_parts("outcome+log@then"), (std::vector<std::string>{"outcome", "log@then"}));
  EXPECT_EQ(single_parts("log+rejections@finally threw"),
            (std::vector<std::string>{"log@finally threw", "rejections"}));
  EXPECT_EQ(single_parts("outcome+rejections"),
            (std::vector<std::string>{"outcome", "rejections"}));
  EXPECT_EQ(single_parts("log@tick 1"), (std::vector<std::string>{"log@tick 1"}));
  EXPECT_EQ(single_parts("outcome"), (std::vector<std::string>{"outcome"}));
}

TEST(ExploreVerdict, DeduplicatesBySignatureAndShape) {
  FindingIndex index;
  const Signature bun_log = {{"bun", "log"}};
  EXPECT_TRUE(index.add(bun_log, "finally"));
  EXPECT_FALSE(index.add(bun_log, "finally"));
  EXPECT_TRUE(index.add(bun_log, "await"));
  EXPECT_TRUE(index.add({{"bun", "outcome"}}, "finally"));
  EXPECT_TRUE(index.add({{"bun", "log"}, {"hermes", "log"}}, "finally"));
  EXPECT_EQ(index.size(), 4u);
  EXPECT_TRUE(index.has(bun_log, "await"));
  EXPECT_FALSE(index.has(bun_log, "finally+then"));
}

// The parts that a second reduction keeps, one at a time (explore_command.cc).
TEST(ExploreProgram, AShapeSplitsIntoItsParts) {
  Program program;
  program.steps = {Step{StepKind::kResolved, 1, {0}}, Step{StepKind::kChain, 2, {1, 2, 0, 0, -1}},
                   Step{StepKind::kTimer, 3, {1, 0}}};
  EXPECT_EQ(program_parts(program), (std::set<std::string>{"finally", "timer"}));
  EXPECT_EQ(program_shape(program), "finally+timer");
  EXPECT_TRUE(program_parts(Program{}).empty());
  EXPECT_EQ(program_shape(Program{}), "resolve");
}

// A program reduced while it had to keep a timer: the planted difference is in the finally alone,
// so the timer only came along and the finding would be the first reduction's again.
TEST(ExploreReducer, APartThatOnlyCameAlongIsNotNeeded) {
  Program program;
  program.steps = {Step{StepKind::kChain, 2, {-1, 2, 4, 0, -1}}, Step{StepKind::kTimer, 3, {2, 0}},
                   Step{StepKind::kAwait, 4, {-1, 0, 0}}};
  std::vector<Program> asked;
  auto finally_returns_thenable = [&](const std::vector<Program>& candidates) {
    std::vector<bool> out;
    for (const Program& candidate : candidates) {
      asked.push_back(candidate);
      out.push_back(text_of(candidate).find(".finally(") != std::string::npos);
    }
    return out;
  };
  EXPECT_FALSE(needs_part(program, "timer", finally_returns_thenable));
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(program_parts(asked[0]), (std::set<std::string>{"await", "finally"}));
  EXPECT_TRUE(needs_part(program, "finally", finally_returns_thenable));
  EXPECT_FALSE(needs_part(program, "race", finally_returns_thenable));  // no such step at all
  EXPECT_EQ(without_part(program, "await").steps.size(), 2u);
}

}  // namespace
}  // namespace settle
