#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "runner/model/adapter_kind.h"
#include "runner/model/case.h"
#include "runner/model/observation.h"

namespace settle {

struct EngineInfo {
  std::string name;     // as chosen with --engine
  std::string version;  // e.g. "duktape 2.7.0"
  AdapterKind adapter = AdapterKind::kProcess;
  // test262 feature names probed on this engine: true when present. Features not listed are
  // taken as present (a case about a missing built-in should fail, not skip).
  std::map<std::string, bool> features;
  // What the adapter gives test262 tests: the parts of $262 it provides (global, evalScript,
  // createRealm, gc, detachArrayBuffer, agent), whether it runs module code, and the value of
  // [[CanBlock]] in the agent that runs the tests.
  std::set<std::string> host_262{};
  bool modules = false;
  std::string no_modules{};  // why not, when the profile says (appended to the skip message)
  bool can_block = true;
  // When its test262 code is lowered before it runs (--lower, a profile's "lower"): the level
  // ("es5") and the transpiler ("babel 7.29.17"); empty otherwise.
  std::string lower{};
  std::string lowered_by{};

  bool lacks(const std::string& feature) const {
    auto found = features.find(feature);
    return found != features.end() && !found->second;
  }
};

// A script run in every case's realm before the case: a Promise library, a patch.
struct Prelude {
  std::string file;
  std::string code;
};

// A prelude that does not compile on an engine: bad input, not a broken engine.
class PreludeError : public std::runtime_error {
 public:
  PreludeError(const std::string& engine, const std::string& file, const std::string& message)
      : std::runtime_error(engine + ": the prelude " + file + " does not compile: " + message),
        file_(file),
        message_(message) {}
  const std::string& file() const { return file_; }
  const std::string& message() const { return message_; }  // the engine's own words

 private:
  std::string file_;
  std::string message_;
};

struct EngineOptions {
  std::vector<Prelude> preludes;
  std::size_t memory_limit_bytes = 512u << 20;
};

// One case to run, with what the run asks the engine to watch.
struct Job {
  const Case* test = nullptr;
  std::chrono::milliseconds timeout{5000};
  std::vector<std::string> watched_globals;  // reported in Observation::globals
};

// One engine instance, used by one worker at a time.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual const EngineInfo& info() const = 0;
  virtual Observation run(const Job& job) = 0;  // one case in a fresh realm
};

// Makes an engine's instances for the workers; probes its features once.
class EngineFactory {
 public:
  virtual ~EngineFactory() = default;
  virtual const EngineInfo& info() const = 0;
  virtual std::unique_ptr<Engine> create() const = 0;
};

}  // namespace settle
