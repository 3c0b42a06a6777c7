#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "runner/model/outcome.h"

namespace settle {

// A test262 test's `negative` attribute: the error it must throw, and when (INTERPRETING.md).
struct Test262Negative {
  std::string phase;  // parse, resolution or runtime
  std::string type;   // the name of the error's constructor, e.g. SyntaxError
};

// What a case must settle to. Patterns stay JSON: the matcher is the one place that reads `$` tags.
struct Expectation {
  Outcome outcome = Outcome::kFulfilled;
  nlohmann::json value;               // the value pattern (`true` for pending)
  std::optional<nlohmann::json> log;  // array of patterns, when the case states a log
};

// A file of a test262 checkout's harness/ folder, read once per run and shared by every test
// that includes it; engines cache what they compile from it by name.
struct HarnessFile {
  std::string name;  // as includes name it: assert.js, asyncHelpers.js
  std::string code;
};

// The files of a test262 test's folder, which its module code and import() may load, read once
// per run: specifiers resolve relative to the test, never outside its folder (test262 imports
// only ./name).
struct ModuleFolder {
  std::string path;                // from the checkout's root: test/language/module-code
  std::vector<HarnessFile> files;  // each named by its path from the checkout's root
};

// How a test262 test runs (INTERPRETING.md). Only cases loaded from test262 files carry one.
struct Test262Run {
  std::vector<std::shared_ptr<const HarnessFile>> harness;  // in load order; empty for raw
  std::vector<std::string> flags;
  bool async = false;                          // passes by printing Test262:AsyncTestComplete
  bool module = false;                         // module code
  std::string path;                            // the test's path from the checkout's root
  std::shared_ptr<const ModuleFolder> folder;  // for module code and import(), else null
  std::optional<Test262Negative> negative;
  std::vector<std::string> host_needs;  // $262 parts the test or its harness use, e.g. createRealm
};

// One runnable case. Loaders produce it; nothing else builds one.
struct Case {
  std::string id;        // full id: <file relative to the case root, without extension>/<local id>
  std::string local_id;  // the id inside its file
  std::string file;      // the file as discovered, e.g. cases/finally/basics.json
  std::size_t line = 0;  // where the case starts in its file (1-based); 0 when unknown
  std::string suite;
  std::string spec;
  std::string description;
  std::string code;
  bool strict = false;
  std::vector<std::string> features;  // the file's and the case's, file's first
  std::optional<int> timeout_ms;
  std::optional<std::string> skip;  // a reason, when the case is skipped by its author
  Expectation expect;
  std::optional<Test262Run> test262;  // set for a test262 test: judged by its own rules
};

}  // namespace settle
