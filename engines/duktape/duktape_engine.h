#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engines/engine.h"
#include "engines/profile.h"

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

class DuktapeEngineFactory : public EngineFactory {
 public:
  // The profile says whether settle's Promise is installed, and which preludes and aliases
  // come before the run's own preludes. Throws std::runtime_error when a prelude cannot be read.
  DuktapeEngineFactory(const EngineProfile& profile, EngineOptions options);
  const EngineInfo& info() const override;
  std::unique_ptr<Engine> create() const override;

 private:
  std::shared_ptr<DuktapeBootstrap> bootstrap_;
};

std::string duktape_version();

}  // namespace settle
