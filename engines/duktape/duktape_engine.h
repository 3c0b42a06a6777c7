#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engines/profile.h"
#include "runner/model/engine.h"

namespace settle {

// What every case's realm is built from, compiled once per run and shared by the workers.
struct DuktapeBootstrap;

class DuktapeHeap;

// The embedded default engine. Each case runs in a fresh realm: a new Duktape thread with a new
// global environment and its own built-ins, in which the project's own Promise
// (engines/duktape/promise.js) and the host prelude (engines/host/host.js) are installed. Both
// are loaded from bytecode once per heap, and a heap serves many cases, so a case costs a realm,
// not a heap. A heap that saw a timeout, an exhausted memory cap or a fault is thrown away.
class DuktapeEngine : public Engine {
 public:
  explicit DuktapeEngine(std::shared_ptr<const DuktapeBootstrap> bootstrap);
  ~DuktapeEngine() override;
  const EngineInfo& info() const override;
  Observation run(const Job& job) override;

 private:
  void open_heap();

  std::shared_ptr<const DuktapeBootstrap> bootstrap_;
  std::unique_ptr<DuktapeHeap> heap_;
  std::size_t cases_in_heap_ = 0;
};

// Everything a Duktape realm is built from: what a profile and the run give, with the preludes
// read and in load order.
struct DuktapeSetup {
  std::string name;  // the profile's
  bool own_promise = true;
  Prelude promise;  // the profile's `promise` file; no file: settle's engines/duktape/promise.js
  std::vector<std::string> aliases;
  std::vector<Prelude> preludes;  // a silent console, then the profile's, then the run's
  std::string probe_script;       // engines/feature_probes.h
  std::vector<std::string> lacks;
  std::size_t memory_limit_bytes = 512u << 20;
};

// The setup of a duktape-adapter profile for a run with `options`. Throws ProfileError when one
// of the profile's preludes cannot be read.
DuktapeSetup duktape_setup(const EngineProfile& profile, const EngineOptions& options);

class DuktapeEngineFactory : public EngineFactory {
 public:
  // Compiles the installers and preludes, and probes the features. Throws PreludeError when a
  // prelude does not compile.
  explicit DuktapeEngineFactory(DuktapeSetup setup);
  // The same, for a profile and a run's options.
  DuktapeEngineFactory(const EngineProfile& profile, EngineOptions options);
  const EngineInfo& info() const override;
  std::unique_ptr<Engine> create() const override;

 private:
  std::shared_ptr<DuktapeBootstrap> bootstrap_;
};

std::string duktape_version();

}  // namespace settle
