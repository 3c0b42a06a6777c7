// End-to-end tests of the Promise-library profiles (duktape+LIB and node-current+LIB): the library,
// not the engine's own Promise, is what every case meets, and the findings docs/results.md lists
// for each library are what the shipped corpus reports.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

std::vector<std::string> library_profiles() {
  std::vector<std::string> profiles;
  for (const std::string& profile : kBuiltinProfiles) {
    if (is_library(profile)) profiles.push_back(profile);
  }
  return profiles;
}

std::string library_of(const std::string& profile) { return profile.substr(profile.find('+') + 1); }

// On node-current the realm's own Promise is deleted before the library loads; an async
// function's promise is still V8's, so the global must differ from its constructor. Duktape has
// no async functions and no Promise but settle's, which a library profile leaves out. (Whether a
// function's source reads "[native code]" tells nothing: core-js makes its own read so.)
const char* const kLibraryCases = R"json({"cases": [
  {"id": "global-promise-is-the-library",
   "code": "var nativePromise; try { nativePromise = Function('return (async function () {})().constructor')(); } catch (e) {} typeof Promise === 'function' && Promise !== nativePromise",
   "expect": {"returns": true}},
  {"id": "settles-after-a-timer",
   "code": "new Promise(function (resolve) { setTimeout(function () { resolve(5); }, 1); }).then(function (v) { return v + 1; })",
   "expect": {"fulfilled": 6}},
  {"id": "rejects-through-then",
   "code": "Promise.reject(3).then(null, function (e) { throw e * 2; })",
   "expect": {"rejected": 6}}
]})json";

class LibraryProfile : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed here";
  }
};

TEST_P(LibraryProfile, EveryCaseMeetsTheLibraryAsTheGlobalPromise) {
  TempDir dir;
  dir.write("cases/library.json", kLibraryCases);
  ProcessResult run =
      settle({"run", "cases", "-e", GetParam(), "--json", "r.json"}, dir.path(), {});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  json report = read_json(dir.file("r.json"));
  ASSERT_EQ(report["results"].size(), 3u) << run.out;
  for (const json& result : report["results"]) {
    EXPECT_EQ(result["status"], "pass") << result["id"] << " " << result["message"];
  }
}

TEST_P(LibraryProfile, ItsVersionNamesTheEngineAndTheLibrary) {
  ProcessResult engines = settle({"engines", "-e", GetParam()});
  ASSERT_EQ(engines.exit_code, 0) << engines.err;
  std::string library = library_of(GetParam());
  std::string package = library == "core-js" ? "core-js-bundle" : library;
  std::string engine = GetParam().substr(0, GetParam().find('+'));
  EXPECT_TRUE(contains(engines.out, engine + " ")) << engines.out;
  EXPECT_TRUE(contains(engines.out, "+ " + package + " ")) << engines.out;
}

INSTANTIATE_TEST_SUITE_P(EveryLibrary, LibraryProfile, ::testing::ValuesIn(library_profiles()),
                         profile_test_name);

// The README's list of library bugs: each finding is a shipped case that the library fails (or
// never settles, for a cycle it does not detect), and that the same engine passes with its own
// Promise (settle's on duktape, V8's on node-current).
struct Finding {
  std::string profile;
  std::string case_id;
  std::string status;
};

const std::vector<Finding> kFindings = {
    {"duktape+es6-promise", "ordering/then/jobs-before-timers", "fail"},  // all fourteen
    {"duktape+es6-promise", "combinators/allSettled/empty", "fail"},
    {"duktape+es6-promise", "constructor/executor/resolve-with-thenable-locks", "fail"},
    {"duktape+es6-promise", "combinators/all/get-resolve-before-iterator", "fail"},
    {"duktape+promise-polyfill", "thenables/adoption/then-called-in-a-job", "fail"},
    {"duktape+promise-polyfill", "finally/callback/non-callable-undefined-fulfilled", "fail"},
    {"duktape+promise-polyfill", "try/try/return-value-fulfils", "fail"},
    {"duktape+bluebird", "finally/ordering/fulfilled-takes-three-extra-jobs", "fail"},
    {"duktape+bluebird", "combinators/allSettled/result-objects-are-plain", "fail"},
    {"duktape+bluebird", "thenables/adoption/then-called-in-a-job", "fail"},
    {"duktape+core-js", "ordering/then/handler-returns-native-promise", "fail"},
    {"duktape+core-js", "try/try/this-non-object-throws", "fail"},
    {"duktape+core-js", "finally/steps/species-not-constructor-before-then", "fail"},
    {"duktape+lie", "constructor/executor/self-resolution-type-error", "fail"},
    {"duktape+lie", "then/basics/returns-new-promise", "fail"},
    {"duktape+lie", "combinators/allSettled/empty", "fail"},
    {"duktape+pinkie", "finally/property/is-a-function", "fail"},
    {"duktape+pinkie", "constructor/executor/self-resolution-type-error", "fail"},
    {"duktape+pinkie", "ordering/then/reactions-fifo-across-promises", "fail"},
    {"duktape+native-promise-only", "finally/property/is-a-function", "fail"},
    {"duktape+native-promise-only", "constructor/executor/self-resolution-type-error", "fail"},
    {"duktape+native-promise-only", "ordering/then/reactions-fifo-across-promises", "fail"},
    {"duktape+promise", "finally/property/is-a-function", "fail"},
    {"duktape+promise", "combinators/all/non-iterable-rejects", "fail"},
    {"duktape+promise", "thenables/adoption/then-called-in-a-job", "fail"},
    {"duktape+rsvp", "combinators/allSettled/empty", "fail"},
    {"duktape+rsvp", "constructor/executor/self-resolution-type-error", "fail"},
    {"duktape+rsvp", "then/basics/returns-new-promise", "fail"},
    {"duktape+when", "finally/property/is-a-function", "fail"},
    {"duktape+when", "constructor/executor/call-without-new-throws", "fail"},
    {"duktape+when", "combinators/all/non-iterable-rejects", "fail"},
    {"duktape+q", "constructor/executor/self-resolution-type-error", "timeout"},
    {"duktape+q", "then/basics/returns-new-promise", "fail"},
    {"duktape+q", "combinators/all/non-iterable-rejects", "fail"},
    {"duktape+yaku", "finally/callback/non-callable-undefined-fulfilled", "fail"},
    {"duktape+yaku", "constructor/executor/resolve-with-thenable-locks", "fail"},
    {"duktape+yaku", "ordering/then/handler-returns-thenable", "fail"},
    {"duktape+zousan", "finally/basics/return-value-ignored-on-fulfilment", "fail"},
    {"duktape+zousan", "combinators/race/first-settled-wins", "fail"},
    {"duktape+zousan", "thenables/adoption/then-called-in-a-job", "fail"},
    {"duktape+es6-shim", "finally/property/is-a-function", "fail"},
    {"duktape+es6-shim", "combinators/all/resolve-read-once-before-iteration", "fail"},
    {"duktape+es6-shim", "catch/catch/invokes-then-with-undefined-and-handler", "fail"},
};

TEST(LibraryFindings, EachListedFindingIsWhatTheShippedCorpusReports) {
  std::map<std::string, std::vector<const Finding*>> by_profile;
  for (const Finding& finding : kFindings) by_profile[finding.profile].push_back(&finding);
  std::string cases = std::string(SETTLE_SOURCE_DIR) + "/cases";
  for (const auto& [profile, findings] : by_profile) {
    SCOPED_TRACE(profile);
    if (!engine_available(profile)) continue;
    std::string own_promise = profile.substr(0, profile.find('+'));
    std::vector<std::string> args = {"run",       cases,       "-e",   profile, "-e",
                                     own_promise, "--timeout", "2000", "--json"};
    TempDir dir;
    args.push_back(dir.file("r.json"));
    for (const Finding* finding : findings) {
      args.push_back("--filter");
      args.push_back(finding->case_id);
    }
    ProcessResult run = settle(args);
    json report = read_json(dir.file("r.json"));
    ASSERT_EQ(report["results"].size(), 2 * findings.size()) << run.out << run.err;
    for (const Finding* finding : findings) {
      SCOPED_TRACE(finding->case_id);
      EXPECT_EQ(status_in(report, finding->case_id, profile), finding->status);
      EXPECT_EQ(status_in(report, finding->case_id, own_promise), "pass");
    }
  }
}

}  // namespace
}  // namespace settle::testing
