#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engines/engine.h"

namespace settle {

// What every case's realm is built from, compiled once per run and shared by the workers.
struct DuktapeBootstrap;

// The embedded default engine: a fresh Duktape heap per case, with the project's own Promise
// (engines/duktape/promise.js) and the host prelude (engines/host/host.js) loaded from bytecode.
class DuktapeEngine : public Engine {
 public:
  explicit DuktapeEngine(std::shared_ptr<const DuktapeBootstrap> bootstrap);
  const EngineInfo& info() const override;
  Observation run(const Job& job) override;

 private:
  std::shared_ptr<const DuktapeBootstrap> bootstrap_;
};

class DuktapeEngineFactory : public EngineFactory {
 public:
  DuktapeEngineFactory(std::string name, EngineOptions options);
  const EngineInfo& info() const override;
  std::unique_ptr<Engine> create() const override;

 private:
  std::shared_ptr<DuktapeBootstrap> bootstrap_;
};

std::string duktape_version();

}  // namespace settle
