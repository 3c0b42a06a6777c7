#pragma once

// Helpers of the end-to-end tests that drive the built settle binary.

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "process.h"

namespace settle::testing {

// The settle binary under test: the one this build made, or SETTLE_BINARY from the environment, so
// that these tests can drive another build of settle (the sanitizer build, in .ci/run).
inline std::string settle_binary() {
  const char* from_environment = std::getenv("SETTLE_BINARY");
  return from_environment && *from_environment ? from_environment : SETTLE_BINARY;
}

inline ProcessResult settle(std::vector<std::string> args, const std::string& cwd = "",
                            const std::vector<std::string>& env = {}) {
  args.insert(args.begin(), settle_binary());
  return run_process(args, cwd, env);
}

inline nlohmann::json read_json(const std::string& path) {
  return nlohmann::json::parse(read_file(path));
}

// Every built-in profile (engines/profiles/*.json); a test of sandbox_test.cc checks the list is
// complete.
inline const std::vector<std::string> kBuiltinProfiles = {
    "duktape",
    "node",
    "spidermonkey",
    "duk",
    "engine262",
    "quickjs",
    "node-current",
    "deno",
    "bun",
    "quickjs-ng",
    "jsc",
    "hermes",
    "duktape+es6-promise",
    "duktape+promise-polyfill",
    "duktape+bluebird",
    "duktape+core-js",
    "duktape+lie",
    "duktape+pinkie",
    "duktape+native-promise-only",
    "duktape+promise",
    "duktape+rsvp",
    "duktape+when",
    "duktape+q",
    "duktape+yaku",
    "duktape+zousan",
    "duktape+es6-shim",
    "node-current+es6-promise",
    "node-current+promise-polyfill",
    "node-current+bluebird",
    "node-current+core-js",
    "node-current+lie",
    "node-current+pinkie",
    "node-current+native-promise-only",
    "node-current+promise",
    "node-current+rsvp",
    "node-current+when",
    "node-current+q",
    "node-current+yaku",
    "node-current+zousan",
    "node-current+es6-shim",
    "chromium",
    "firefox",
    "webkitgtk",
};

// A library profile (engine+library) is its engine with a prelude that replaces Promise.
inline bool is_library(const std::string& profile) {
  return profile.find('+') != std::string::npos;
}

// The built-in profiles that load no library: one per engine.
inline std::vector<std::string> engine_profiles() {
  std::vector<std::string> profiles;
  for (const std::string& profile : kBuiltinProfiles) {
    if (!is_library(profile)) profiles.push_back(profile);
  }
  return profiles;
}

// A test name part for a profile name: duktape+core-js -> duktape_core_js.
inline std::string profile_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

// The built-in profiles of the process adapter (engines/profiles/*.json): the end-to-end tests
// of real engines run on each that is installed here.
inline const std::vector<std::string> kProcessProfiles = {
    "node",    "node-current", "deno",      "bun",    "spidermonkey", "jsc",
    "quickjs", "quickjs-ng",   "engine262", "hermes", "duk"};

// Whether `settle engines` lists the engine as available (node, spidermonkey, ...).
inline bool engine_available(const std::string& name) {
  ProcessResult engines = run_process({settle_binary(), "engines", "-e", name});
  return engines.out.find(name + "  available") != std::string::npos;
}

// The first result of a case in a JSON report, or null.
inline const nlohmann::json* result_of(const nlohmann::json& report, const std::string& id) {
  for (const nlohmann::json& record : report["results"]) {
    if (record["id"] == id) return &record;
  }
  return nullptr;
}

// A file or folder of the shipped corpus (cases/).
inline std::string shipped_cases(const std::string& path) {
  return std::string(SETTLE_SOURCE_DIR) + "/cases/" + path;
}

// The engines that run test262's module code and import() of a test's folder through settle's
// module map, as node does.
inline const std::set<std::string> kModuleEngines = {
    "node", "node-current", "deno", "spidermonkey", "engine262", "quickjs", "quickjs-ng", "jsc"};

// The status of a case on an engine in a JSON report, or "missing".
inline std::string status_in(const nlohmann::json& report, const std::string& id,
                             const std::string& engine) {
  for (const nlohmann::json& record : report["results"]) {
    if (record["id"] == id && record["engine"] == engine) return record["status"];
  }
  return "missing";
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Cases on which duktape (settle's own ES5 Promise) and node disagree, and cases they agree on.
inline const char* const kMixedCases = R"json({
  "cases": [
    {"id": "a-agree-pass", "code": "Promise.resolve(1).then(function (v) { return v + 1; })",
     "expect": {"fulfilled": 2}},
    {"id": "b-agree-fail", "description": "a wrong expectation: fails everywhere",
     "code": "Promise.resolve(2)", "expect": {"fulfilled": 3}},
    {"id": "c-to-sorted", "description": "Array.prototype.toSorted is ES2023: node has it, duktape not",
     "code": "typeof [].toSorted", "expect": {"returns": "function"}},
    {"id": "d-agree-log", "code": "$log('x'); Promise.reject(4)",
     "expect": {"rejected": 4, "log": ["x"]}}
  ]
})json";

}  // namespace settle::testing
