#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engines/engines_dir.h"
#include "engines/process/child_process.h"
#include "runner/input/input_error.h"
#include "runner/model/engine.h"

namespace settle {

// An engine profile (engines/profiles/*.json, or a user's file given to --engine).
struct EngineProfile {
  std::string name;
  std::string description;
  AdapterKind adapter = AdapterKind::kProcess;
  std::string driver;                 // process: a built-in driver (engines/process/*_adapter.js)
  bool process_per_case = false;      // process: "batch": "process" (else "realm")
  std::vector<std::string> command;   // process: argv, never run through a shell
  std::vector<std::string> version;   // argv whose first output line is the version
  std::vector<std::string> preludes;  // files loaded into every realm before the case
  std::vector<std::string> aliases;   // names bound to the global object (self, window, ...)
  bool own_promise = true;            // duktape: install settle's Promise; process: keep the
                                      // engine's own (false: each realm starts without one)
  std::string promise;                // duktape: the file of the Promise that own_promise installs
                                      // in place of settle's engines/duktape/promise.js
  std::string promise_global;         // an expression, after the preludes, that becomes the
                                      // global Promise (a library exporting under its own name)
  std::string rejection_hook;         // statements, after the preludes, that map a Promise
                               // library's own rejection hook to report(kind, promise, reason)
  bool silent_console = false;  // a console whose methods discard their arguments, for
                                // libraries that warn through it (a prelude, every adapter)
  std::map<std::string, std::string> probes;  // extra feature probes: name -> expression
  std::vector<std::string> lacks;             // features declared missing
  std::string no_modules;  // why the engine runs no test262 module code, for the skip message
  std::string lower;       // "es5": test262 code is lowered before it runs (--lower overrides)
  ResourceLimits limits;
  std::vector<std::string> npm;     // npm packages it loads, which `settle engines --install` puts
                                    // in the engines folder ({npm})
  std::vector<std::string> debian;  // Debian packages it needs
  std::string install;              // how to get what the profile needs, where npm and debian
                                    // cannot say (a user's profile)
  std::string source;               // "built-in" or the file it came from
  std::string version_package;      // NAME@VERSION: the npm package installed at that version in
  std::string version_pin;          // its own folder (engine_versions.h), and the version
  std::string node_modules;  // what {npm} stands for: the engines folder find_profile placed it in
};

// An engine that cannot be chosen or set up as asked: no such engine, a prelude that cannot be
// read. A profile file that cannot be read, or does not parse or validate, is an InputError.
class ProfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses a profile; `source` names it in errors. Unknown fields are errors. Throws InputError.
EngineProfile parse_profile(const std::string& text, const std::string& source);

// The built-in profiles, by name.
const std::map<std::string, EngineProfile>& builtin_profiles();

// --engine NAME finds a built-in profile; a value ending in .json, or naming a file, is read as a
// user's profile; NAME@VERSION is engine_versions.h's. Its {npm} is `engines`' node_modules.
// Throws ProfileError for no such engine, InputError for a broken profile file.
EngineProfile find_profile(const std::string& name_or_file, const EnginesDir& engines);

// Replaces {npm} with the profile's folder of npm packages (find_profile's) in a path or argument.
std::string expand_placeholders(const EngineProfile& profile, const std::string& text);

// The profile's command line: placeholders expanded, {driver} replaced with `driver_file`. An
// argument `{scratch}` is left for the process engine, which gives each process a folder there.
std::vector<std::string> profile_command(const EngineProfile& profile,
                                         const std::string& driver_file);

// The files, read as preludes (--prelude). Throws ProfileError when one cannot be read.
std::vector<Prelude> read_preludes(const std::vector<std::string>& files);

// The profile's `promise` file, read (placeholders expanded): the duktape adapter installs it in
// place of settle's engines/duktape/promise.js. No file (an empty Prelude) when the profile names
// none. Throws ProfileError when it cannot be read.
Prelude promise_file_of(const EngineProfile& profile);

// The profile's preludes, read (placeholders expanded). Throws ProfileError when one is missing.
std::vector<Prelude> profile_preludes(const EngineProfile& profile);

// " + bluebird 3.7.2 + core-js-bundle 3.50.0": the libraries among the preludes, for an
// engine's version.
std::string libraries_label(const std::vector<Prelude>& preludes);

// Why the profile cannot run here (a command not on PATH, a missing file), or nothing.
std::optional<std::string> unavailable_reason(const EngineProfile& profile);

}  // namespace settle
