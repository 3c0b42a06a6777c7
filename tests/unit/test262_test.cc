// Unit tests of test262 support: the front-matter reader, the loader (runs, includes, ids) and
// the verdicts of INTERPRETING.md.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "runner/corpus/test262_front_matter.h"
#include "runner/corpus/test262_loader.h"
#include "runner/match/test262_verdict.h"
#include "runner/model/value_json.h"

namespace settle {
namespace {

namespace fs = std::filesystem;

Test262Metadata parsed(const std::string& source) {
  auto result = parse_test262_front_matter(source, "t.js");
  if (auto* error = std::get_if<InputError>(&result)) {
    ADD_FAILURE() << error->to_string();
    return {};
  }
  return std::get<Test262Metadata>(result);
}

InputError error_of(const std::string& source) {
  auto result = parse_test262_front_matter(source, "t.js");
  EXPECT_TRUE(std::holds_alternative<InputError>(result));
  return std::holds_alternative<InputError>(result) ? std::get<InputError>(result)
                                                    : InputError("", kNoPosition, "", "");
}

TEST(Test262FrontMatter, ReadsTheFieldsThatDecideHowATestRuns) {
  Test262Metadata metadata = parsed(
      "// Copyright\n/*---\nesid: sec-promise.all\ndescription: >\n  folded\n  text\n"
      "includes: [a.js, b.js]\nflags:\n  - async\n  - onlyStrict\n  - generated\nfeatures: "
      "[Symbol]\n"
      "negative:\n  phase: runtime\n  type: TypeError\ninfo: |\n  ignored\n---*/\ncode();\n");
  EXPECT_EQ(metadata.esid, "sec-promise.all");
  EXPECT_EQ(metadata.description, "folded text\n");
  EXPECT_EQ(metadata.includes, (std::vector<std::string>{"a.js", "b.js"}));
  EXPECT_TRUE(metadata.flags.async);
  EXPECT_TRUE(metadata.flags.only_strict);
  EXPECT_FALSE(metadata.flags.raw);
  EXPECT_FALSE(metadata.flags.no_strict);
  EXPECT_FALSE(metadata.flags.module);
  EXPECT_EQ(metadata.features, (std::vector<std::string>{"Symbol"}));
  ASSERT_TRUE(metadata.negative);
  EXPECT_EQ(metadata.negative->phase, Test262Phase::kRuntime);
  EXPECT_EQ(metadata.negative->type, "TypeError");
  EXPECT_EQ(metadata.front_matter_line, 2u);
  ASSERT_EQ(metadata.include_positions.size(), 2u);
  EXPECT_EQ(metadata.include_positions[1].line, 7u);
  EXPECT_EQ(metadata.include_positions[1].column, 18u);
}

// test262's line-terminator-normalisation-CR.js is written with CR alone (issue 23: the run
// stopped with exit 2, "the front matter is not valid YAML").
TEST(Test262FrontMatter, ReadsAFrontMatterWrittenWithCrOrCrLfLineTerminators) {
  for (const std::string& end : {std::string("\r"), std::string("\r\n")}) {
    Test262Metadata metadata =
        parsed("/*---" + end + "esid: sec-x" + end + "description: d" + end + "flags: [raw]" + end +
               "includes: [a.js]" + end + "---*/" + end + "code();" + end);
    EXPECT_EQ(metadata.esid, "sec-x");
    EXPECT_TRUE(metadata.flags.raw);
    EXPECT_EQ(metadata.includes, (std::vector<std::string>{"a.js"}));
  }
}

TEST(Test262FrontMatter, ErrorsNameTheFileLineColumnAndField) {
  InputError yaml = error_of("\n\n/*---\nflags: [a\n---*/\n");
  EXPECT_EQ(yaml.where().line, 5u);
  EXPECT_NE(yaml.message().find("not valid YAML"), std::string::npos);

  InputError phase = error_of("/*---\nnegative:\n  phase: later\n  type: SyntaxError\n---*/\n");
  EXPECT_EQ(phase.field(), "negative.phase");
  EXPECT_EQ(phase.where().line, 3u);
  EXPECT_EQ(phase.where().column, 10u);

  EXPECT_EQ(error_of("/*---\nnegative:\n  phase: parse\n---*/").field(), "negative.type");
  EXPECT_EQ(error_of("/*---\nincludes: a.js\n---*/").field(), "includes");
  EXPECT_EQ(error_of("/*---\nflags: [[x]]\n---*/").field(), "flags[0]");
  EXPECT_EQ(error_of("/*---\n- a list\n---*/").message(), "the front matter must be a YAML map");
  EXPECT_NE(error_of("var x; /*--- never closed").message().find("no test262 front matter"),
            std::string::npos);
}

TEST(Test262FrontMatter, RecognisesOnlyAClosedFrontMatter) {
  EXPECT_TRUE(has_test262_front_matter("/*---\n---*/"));
  EXPECT_FALSE(has_test262_front_matter("/* a comment */ var x;"));
  EXPECT_FALSE(has_test262_front_matter("/*--- no end"));
}

class Test262LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("settle-t262-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "harness");
    fs::create_directories(root_ / "test" / "a");
    for (const char* name : {"assert.js", "sta.js", "doneprintHandle.js", "extra.js"}) {
      std::ofstream(root_ / "harness" / name) << "// " << name << "\n";
    }
    std::ofstream(root_ / "harness" / "realm.js") << "var r = $262.createRealm();\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<Case> load(const std::string& source) {
    Test262Checkout checkout(root_);
    std::string file = (root_ / "test" / "a" / "t.js").string();
    LoadedCases loaded = load_test262_test(file, source, checkout);
    if (auto* error = std::get_if<InputError>(&loaded)) {
      ADD_FAILURE() << error->to_string();
      return {};
    }
    return std::get<std::vector<Case>>(loaded);
  }

  static std::vector<std::string> names(const Case& test) {
    std::vector<std::string> out;
    for (const auto& file : test.test262->harness) out.push_back(file->name);
    return out;
  }

  fs::path root_;
};

TEST_F(Test262LoaderTest, ATestRunsTwiceTheStrictRunWithTheDirectiveFirst) {
  std::vector<Case> cases = load("/*---\ndescription: d\n---*/\nx();\n");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].id, "test/a/t.js#default");
  EXPECT_EQ(cases[1].id, "test/a/t.js#strict");
  EXPECT_EQ(cases[0].code.rfind("/*---", 0), 0u);
  EXPECT_EQ(cases[1].code.rfind("\"use strict\";\n/*---", 0), 0u);
  EXPECT_EQ(names(cases[0]), (std::vector<std::string>{"assert.js", "sta.js"}));
}

TEST_F(Test262LoaderTest, FlagsChooseTheRunsAndTheHarness) {
  EXPECT_EQ(load("/*---\nflags: [onlyStrict]\n---*/").at(0).id, "test/a/t.js#strict");
  EXPECT_EQ(load("/*---\nflags: [noStrict]\n---*/").size(), 1u);
  std::vector<Case> raw = load("/*---\nflags: [raw]\n---*/");
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_EQ(raw[0].id, "test/a/t.js#default");
  EXPECT_TRUE(raw[0].test262->harness.empty());
  std::vector<Case> async = load("/*---\nflags: [async]\nincludes: [extra.js, sta.js]\n---*/");
  EXPECT_TRUE(async[0].test262->flags.async);
  EXPECT_EQ(names(async[0]),
            (std::vector<std::string>{"assert.js", "sta.js", "doneprintHandle.js", "extra.js"}));
  std::vector<Case> module = load("/*---\nflags: [module]\n---*/");
  ASSERT_EQ(module.size(), 1u);
  EXPECT_TRUE(module[0].test262->flags.module);
}

TEST_F(Test262LoaderTest, HarnessFilesAreReadOncePerCheckout) {
  Test262Checkout checkout(root_);
  auto first = checkout.harness_file("assert.js").file;
  ASSERT_TRUE(first);
  fs::remove(root_ / "harness" / "assert.js");
  EXPECT_EQ(checkout.harness_file("assert.js").file, first);
  EXPECT_EQ(checkout.harness_file("../escape.js").file, nullptr);
}

// A harness include that is a FIFO hung the load, and /dev/zero filled memory (issue 21): it is
// refused unread, with the include's position and what the file is.
TEST_F(Test262LoaderTest, AHarnessIncludeThatIsNotARegularFileIsAnErrorSayingWhatItIs) {
  ASSERT_EQ(::mkfifo((root_ / "harness" / "fifo.js").c_str(), 0600), 0);
  fs::create_symlink("/dev/zero", root_ / "harness" / "zero.js");
  for (const char* name : {"fifo.js", "zero.js"}) {
    Test262Checkout checkout(root_);
    std::string file = (root_ / "test" / "a" / "t.js").string();
    LoadedCases loaded =
        load_test262_test(file, std::string("/*---\nincludes: [") + name + "]\n---*/\n", checkout);
    ASSERT_TRUE(std::holds_alternative<InputError>(loaded)) << name;
    const InputError& error = std::get<InputError>(loaded);
    EXPECT_EQ(error.field(), "includes[0]");
    EXPECT_EQ(error.where().line, 2u);
    EXPECT_NE(error.message().find(std::string("harness file ") + name + " is "), std::string::npos)
        << error.to_string();
    // A FIFO is said to be no regular file; /dev/zero, through a link, to be outside harness/.
    const char* what = std::string(name) == "fifo.js" ? "not a regular file" : "outside";
    EXPECT_NE(error.message().find(what), std::string::npos) << error.to_string();
  }
}

TEST_F(Test262LoaderTest, HostNeedsComeFromTheTestAndItsHarness) {
  std::vector<Case> cases = load("/*---\nincludes: [realm.js]\n---*/\n$262 . evalScript('1');\n");
  EXPECT_EQ(cases[0].test262->host_needs, (std::vector<std::string>{"createRealm", "evalScript"}));
}

TEST_F(Test262LoaderTest, FindsTheCheckoutAboveATest) {
  auto found = find_test262_root(root_ / "test" / "a" / "t.js");
  ASSERT_TRUE(found);
  EXPECT_EQ(fs::canonical(*found), fs::canonical(root_));
  EXPECT_FALSE(find_test262_root(fs::temp_directory_path() / "surely-not-in-a-checkout"));
}

Observation threw(const std::string& error, const std::string& constructor, bool parse = false) {
  Observation observed;
  observed.ending = Threw{parse ? Test262Phase::kParse : Test262Phase::kRuntime,
                          value_of({{"$error", error}, {"message", "m"}}), constructor};
  return observed;
}

// What threw() makes, thrown while the modules linked.
Observation threw_linking(const std::string& error, const std::string& constructor) {
  Observation observed = threw(error, constructor);
  std::get<Threw>(observed.ending).phase = Test262Phase::kResolution;
  return observed;
}

Observation completed(const std::string& printed = "") {
  Observation observed;
  observed.ending = Settled{Outcome::kReturns, Value()};
  observed.printed = printed;
  return observed;
}

TEST(Test262Verdict, NegativeTestsNeedTheTypeInThePhase) {
  Test262Run parse;
  parse.negative = Test262Negative{Test262Phase::kParse, "SyntaxError"};
  EXPECT_TRUE(test262_verdict(parse, threw("SyntaxError", "SyntaxError", true)).pass);
  EXPECT_FALSE(test262_verdict(parse, threw("SyntaxError", "SyntaxError", false)).pass);
  EXPECT_FALSE(test262_verdict(parse, threw("ReferenceError", "ReferenceError", true)).pass);
  EXPECT_FALSE(test262_verdict(parse, completed()).pass);

  Test262Run runtime;
  runtime.negative = Test262Negative{Test262Phase::kRuntime, "Test262Error"};
  Observation custom = threw("", "Test262Error");
  std::get<Threw>(custom.ending).value = value_of({{"message", "not an Error"}});
  EXPECT_TRUE(test262_verdict(runtime, custom).pass);
  EXPECT_FALSE(test262_verdict(runtime, threw("TypeError", "TypeError")).pass);
  EXPECT_FALSE(test262_verdict(runtime, threw("Test262Error", "Test262Error", true)).pass);
}

TEST(Test262Verdict, ResolutionNegativesPassOnlyOnALinkErrorOfTheType) {
  Test262Run resolution;
  resolution.flags.module = true;
  resolution.negative = Test262Negative{Test262Phase::kResolution, "SyntaxError"};
  Observation unlinked = threw_linking("SyntaxError", "SyntaxError");
  EXPECT_TRUE(test262_verdict(resolution, unlinked).pass);
  Verdict at_runtime = test262_verdict(resolution, threw("SyntaxError", "SyntaxError"));
  EXPECT_FALSE(at_runtime.pass);
  EXPECT_EQ(at_runtime.message,
            "expected a SyntaxError in the resolution phase; it linked, then threw SyntaxError: m");
  EXPECT_FALSE(test262_verdict(resolution, threw("SyntaxError", "SyntaxError", true)).pass);
  Observation other_type = threw_linking("Error", "Error");
  EXPECT_FALSE(test262_verdict(resolution, other_type).pass);

  // A module that does not link fails a test that is not negative, and a runtime negative.
  Test262Run plain;
  plain.flags.module = true;
  Verdict unlinked_plain = test262_verdict(plain, unlinked);
  EXPECT_FALSE(unlinked_plain.pass);
  EXPECT_EQ(unlinked_plain.message, "it did not link: SyntaxError: m");
  Test262Run runtime;
  runtime.negative = Test262Negative{Test262Phase::kRuntime, "SyntaxError"};
  EXPECT_FALSE(test262_verdict(runtime, unlinked).pass);
}

TEST(Test262Verdict, OtherTestsMustCompleteWithoutAnUncaughtException) {
  Test262Run plain;
  EXPECT_TRUE(test262_verdict(plain, completed()).pass);
  Verdict thrown = test262_verdict(plain, threw("TypeError", "TypeError"));
  EXPECT_FALSE(thrown.pass);
  EXPECT_EQ(thrown.message, "it threw TypeError: m");
  Observation uncaught = completed();
  uncaught.uncaught = "uncaught exception in a timer callback: 1";
  EXPECT_FALSE(test262_verdict(plain, uncaught).pass);
  Observation harness = completed();
  harness.harness_error = "compareArray.js: SyntaxError";
  EXPECT_FALSE(test262_verdict(plain, harness).pass);
}

TEST(Test262Verdict, AsyncTestsPassOnlyByPrintingCompletion) {
  Test262Run async;
  async.flags.async = true;
  EXPECT_TRUE(test262_verdict(async, completed("Test262:AsyncTestComplete\n")).pass);
  EXPECT_FALSE(test262_verdict(async, completed("")).pass);
  EXPECT_FALSE(test262_verdict(async, completed("Test262:AsyncTestComplete extra\n")).pass);
  Verdict failed = test262_verdict(
      async, completed("Test262:AsyncTestFailure:Test262Error: no\nTest262:AsyncTestComplete\n"));
  EXPECT_FALSE(failed.pass);
  EXPECT_EQ(failed.message, "the async test failed: Test262Error: no");
}

}  // namespace
}  // namespace settle
