#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// When a negative test262 test must throw (INTERPRETING.md, "negative").
enum class Test262Phase { kParse, kResolution, kRuntime };

// "parse", "resolution", "runtime": as the front matter and reports write it.
std::string_view test262_phase_name(Test262Phase phase);
std::optional<Test262Phase> test262_phase_from_name(std::string_view name);

// A test262 test's `negative` attribute: the error it must throw, and when.
struct Test262Negative {
  Test262Phase phase = Test262Phase::kRuntime;
  std::string type;  // the name of the error's constructor, e.g. SyntaxError
};

// The flags of a test262 test that decide how it runs (INTERPRETING.md, "flags"). Others
// (generated, non-deterministic) change nothing in a run, and a loader ignores them.
struct Test262Flags {
  bool only_strict = false;         // onlyStrict: the strict run only
  bool no_strict = false;           // noStrict: the default run only
  bool raw = false;                 // raw: no harness files, no strict run
  bool async = false;               // async: passes by printing Test262:AsyncTestComplete
  bool module = false;              // module: module code
  bool can_block_is_true = false;   // CanBlockIsTrue: needs an agent that may block
  bool can_block_is_false = false;  // CanBlockIsFalse: needs one that may not
};

// Sets the flag that the front matter names `name`; false when settle knows no such flag.
bool set_test262_flag(Test262Flags& flags, std::string_view name);

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
  Test262Flags flags;
  std::string path;                            // the test's path from the checkout's root
  std::shared_ptr<const ModuleFolder> folder;  // for module code and import(), else null
  std::optional<Test262Negative> negative;
  std::vector<std::string> host_needs;  // $262 parts the test or its harness use, e.g. createRealm
};

}  // namespace settle
