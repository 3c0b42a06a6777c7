#pragma once

#include <memory>
#include <set>
#include <string>

#include "engines/engine.h"
#include "engines/process/child_process.h"
#include "engines/profile.h"

namespace settle {

// What the workers of one process engine share: the profile, the driver file, the setup request.
struct ProcessEngineShared;

// An engine shell run as a real process: many cases per process, each in a fresh realm made by
// the driver. A case that times out, crashes the process, or breaks the protocol ends as
// timeout or error, and the next case gets a new process.
class ProcessEngine : public Engine {
 public:
  explicit ProcessEngine(std::shared_ptr<const ProcessEngineShared> shared);
  ~ProcessEngine() override;
  const EngineInfo& info() const override;
  Observation run(const Job& job) override;

  // Starts the process and sends the setup; returns the ready reply, which carries the feature
  // probes. Throws std::runtime_error.
  nlohmann::json start();

 private:
  Observation run_in(const Job& job);
  void stop();

  std::shared_ptr<const ProcessEngineShared> shared_;
  std::unique_ptr<ChildProcess> child_;
  std::string nonce_;
  std::set<std::string> harness_sent_;  // harness files the running process has been given
};

class ProcessEngineFactory : public EngineFactory {
 public:
  // Starts one process to read the engine's version and feature probes. Throws
  // std::runtime_error when the engine cannot be started.
  ProcessEngineFactory(EngineProfile profile, EngineOptions options);
  ~ProcessEngineFactory() override;
  const EngineInfo& info() const override;
  std::unique_ptr<Engine> create() const override;

 private:
  std::shared_ptr<ProcessEngineShared> shared_;
};

}  // namespace settle
