// End-to-end tests of --lower es5: test262 code and harness files lowered with Babel before
// Duktape runs them. Each test writes a small test262-shaped checkout of its own and removes it.
// They need Babel in the engines folder (settle engines --install babel).
#include <filesystem>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

// A checkout: assert.js and sta.js from settle's miniature one, a harness include written in
// ES2015 (as test262's promiseHelper.js is), and four tests.
void write_checkout(const TempDir& dir) {
  const std::string mini = std::string(SETTLE_SOURCE_DIR) + "/tests/test262/harness/";
  dir.write("harness/assert.js", read_file(mini + "assert.js"));
  dir.write("harness/sta.js", read_file(mini + "sta.js"));
  dir.write("harness/doneprintHandle.js", read_file(mini + "doneprintHandle.js"));
  dir.write("harness/es2015Helper.js",
            "const sequence = (...items) => `${items.join(',')}`;\n"
            "class Recorder { constructor() { this.seen = []; } add(x) { this.seen.push(x); } }\n");
  dir.write("test/lowered/include-loads.js",
            "/*---\ndescription: an ES2015 include loads once lowered\nincludes: "
            "[es2015Helper.js]\nflags: [async]\n---*/\n"
            "let recorder = new Recorder();\n"
            "Promise.resolve(1).then((value) => { recorder.add(value); })\n"
            "  .then(() => assert.sameValue(sequence(...recorder.seen, 2), '1,2'))\n"
            "  .then($DONE, $DONE);\n");
  dir.write("test/lowered/features-arrow.js",
            "/*---\ndescription: a lowered feature is no longer skipped\nfeatures: "
            "[arrow-function, let]\n---*/\nlet f = () => 3;\nassert.sameValue(f(), 3);\n");
  dir.write("test/lowered/negative-parse.js",
            "/*---\ndescription: the engine's own parser judges it\nnegative:\n  phase: parse\n"
            "  type: SyntaxError\n---*/\n$DONOTEVALUATE();\nvar a = (1;\n");
  dir.write("test/lowered/async-function.js",
            "/*---\ndescription: async functions are never lowered\nfeatures: [async-functions]\n"
            "flags: [async]\n---*/\nasync function f() { return 1; }\n"
            "f().then(() => $DONE(), $DONE);\n");
  dir.write("test/lowered/bigint-undeclared.js",
            "/*---\ndescription: a BigInt literal without the BigInt feature\n---*/\n"
            "var zero = 0n;\n");
}

// As the library profiles' tests do without `make engines`: skipped, not failed.
bool babel_installed() {
  return std::filesystem::exists(std::string(SETTLE_NPM_DIR) + "/@babel/core/package.json");
}

struct LoweredRun {
  ProcessResult process;
  json report;
};

LoweredRun run_lowered(const TempDir& dir, const std::string& cache) {
  ProcessResult process =
      settle({"run", dir.file("test"), "--test262-dir", dir.path(), "-e", "duktape", "--lower",
              "es5", "--timeout", "2000", "--json", dir.file("r.json")},
             "", {"SETTLE_LOWERING_CACHE=" + cache});
  json report =
      std::filesystem::exists(dir.file("r.json")) ? read_json(dir.file("r.json")) : json();
  return {process, report};
}

TEST(Lowering, LowersTest262CodeAndHarnessForDuktapeAndSaysSo) {
  if (!babel_installed()) GTEST_SKIP() << "Babel is not installed (settle engines --install babel)";
  TempDir dir;
  write_checkout(dir);
  LoweredRun run = run_lowered(dir, dir.file("cache"));
  ASSERT_EQ(run.process.exit_code, 0) << run.process.out << run.process.err;

  const json* include = result_of(run.report, "test/lowered/include-loads.js#default");
  ASSERT_NE(include, nullptr);
  EXPECT_EQ((*include)["status"], "pass") << (*include)["message"];
  EXPECT_EQ((*include)["lowered"], "es5");

  const json* arrow = result_of(run.report, "test/lowered/features-arrow.js#strict");
  ASSERT_NE(arrow, nullptr);
  EXPECT_EQ((*arrow)["status"], "pass") << (*arrow)["message"];

  // The negative parse test reaches Duktape's parser as written, and passes there.
  const json* negative = result_of(run.report, "test/lowered/negative-parse.js#default");
  ASSERT_NE(negative, nullptr);
  EXPECT_EQ((*negative)["status"], "pass") << (*negative)["message"];
  EXPECT_FALSE(negative->contains("lowered"));
  EXPECT_EQ((*negative)["observed"]["parse_error"], true);

  // async functions are not lowered: Duktape still lacks them, so the test is skipped.
  const json* async = result_of(run.report, "test/lowered/async-function.js#default");
  ASSERT_NE(async, nullptr);
  EXPECT_EQ((*async)["status"], "skip");
  EXPECT_NE((*async)["message"].get<std::string>().find("async-functions"), std::string::npos);

  // A BigInt literal cannot be lowered: the test skips by feature instead of failing to parse.
  const json* bigint = result_of(run.report, "test/lowered/bigint-undeclared.js#default");
  ASSERT_NE(bigint, nullptr);
  EXPECT_EQ((*bigint)["status"], "skip") << (*bigint)["message"];
  EXPECT_NE((*bigint)["message"].get<std::string>().find("uses BigInt syntax"), std::string::npos);

  // The report says which engine was lowered, by what, and the console summary says it too.
  EXPECT_EQ(run.report["engines"][0]["lower"], "es5");
  EXPECT_EQ(run.report["settings"]["lower"], "duktape=es5");
  EXPECT_NE(run.report["engines"][0]["lowered_by"].get<std::string>().find("babel 7."),
            std::string::npos);
  EXPECT_NE(run.process.out.find("duktape: 4 test262 runs lowered to es5 by babel"),
            std::string::npos)
      << run.process.out;
}

TEST(Lowering, WithoutLoweringTheSameChecksFailAndTheReportHasNoLoweringFields) {
  TempDir dir;
  write_checkout(dir);
  ProcessResult process = settle({"run", dir.file("test"), "--test262-dir", dir.path(), "-e",
                                  "duktape", "--timeout", "2000", "--json", dir.file("r.json")});
  EXPECT_EQ(process.exit_code, 1) << process.out << process.err;
  json report = read_json(dir.file("r.json"));
  const json* include = result_of(report, "test/lowered/include-loads.js#default");
  ASSERT_NE(include, nullptr);
  EXPECT_EQ((*include)["status"], "fail");
  EXPECT_FALSE(include->contains("lowered"));
  EXPECT_FALSE(report.contains("lowering"));
  EXPECT_FALSE(report["settings"].contains("lower"));
  EXPECT_FALSE(report["engines"][0].contains("lower"));
}

TEST(Lowering, TheSecondRunLowersNothing) {
  if (!babel_installed()) GTEST_SKIP() << "Babel is not installed (settle engines --install babel)";
  TempDir dir;
  write_checkout(dir);
  LoweredRun first = run_lowered(dir, dir.file("cache"));
  ASSERT_EQ(first.process.exit_code, 0) << first.process.out << first.process.err;
  EXPECT_GT(first.report["lowering"]["transformed"].get<int>(), 0);
  LoweredRun second = run_lowered(dir, dir.file("cache"));
  ASSERT_EQ(second.process.exit_code, 0) << second.process.out << second.process.err;
  EXPECT_EQ(second.report["lowering"]["transformed"], 0);
  EXPECT_EQ(second.report["lowering"]["from_cache"], first.report["lowering"]["transformed"]);
}

// A cache entry that names a helper touching Promise (a cache written by another Babel set-up)
// is refused: the run errs rather than run a Promise that is not the engine's.
TEST(Lowering, RefusesALoweringWhoseHelpersTouchPromise) {
  if (!babel_installed()) GTEST_SKIP() << "Babel is not installed (settle engines --install babel)";
  TempDir dir;
  write_checkout(dir);
  LoweredRun first = run_lowered(dir, dir.file("cache"));
  ASSERT_EQ(first.process.exit_code, 0) << first.process.out << first.process.err;
  std::size_t rewritten = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.file("cache"))) {
    if (entry.path().extension() != ".json") continue;
    json cached = read_json(entry.path().string());
    cached["helpers"].push_back("asyncToGenerator");
    dir.write(std::filesystem::relative(entry.path(), dir.path()).string(), cached.dump());
    ++rewritten;
  }
  ASSERT_GT(rewritten, 0u);
  LoweredRun second = run_lowered(dir, dir.file("cache"));
  EXPECT_EQ(second.process.exit_code, 1) << second.process.out << second.process.err;
  const json* include = result_of(second.report, "test/lowered/include-loads.js#default");
  ASSERT_NE(include, nullptr);
  EXPECT_EQ((*include)["status"], "error");
  EXPECT_NE((*include)["message"].get<std::string>().find("asyncToGenerator"), std::string::npos)
      << (*include)["message"];
}

}  // namespace
}  // namespace settle::testing
