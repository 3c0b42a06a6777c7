#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engines/process/child_process.h"
#include "engines/process/scratch_folder.h"
#include "engines/profile.h"
#include "runner/model/engine.h"

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
  void spawn();  // a new process, with its own scratch folder where the command has {scratch}

  std::shared_ptr<const ProcessEngineShared> shared_;
  std::unique_ptr<ChildProcess> child_;
  std::unique_ptr<ScratchFolder> scratch_;
  std::string nonce_;
  std::set<std::string> harness_sent_;  // harness files the running process has been given
  std::set<std::string> folders_sent_;  // module folders the running process has been given
};

// How to start an engine's processes when they run no driver script: settle's own workers.
struct ProcessLaunch {
  AdapterKind adapter = AdapterKind::kProcess;  // reported in EngineInfo
  std::vector<std::string> command;             // argv
  std::vector<Prelude> preludes;                // every prelude, in load order
  std::string probe_script;                     // engines/feature_probes.h
  nlohmann::json settings;                      // the setup request's "engine" part
  ResourceLimits limits;
};

class ProcessEngineFactory : public EngineFactory {
 public:
  // Starts one process to read the engine's version and feature probes. Throws
  // std::runtime_error when the engine cannot be started, PreludeError when it says a prelude
  // does not compile.
  ProcessEngineFactory(EngineProfile profile, EngineOptions options);
  // The same for processes started as `launch` says; the version is the one they report.
  ProcessEngineFactory(EngineProfile profile, ProcessLaunch launch);
  ~ProcessEngineFactory() override;
  const EngineInfo& info() const override;
  std::unique_ptr<Engine> create() const override;

 private:
  void probe();

  std::shared_ptr<ProcessEngineShared> shared_;
  mutable std::mutex spare_mutex_;
  mutable std::unique_ptr<ProcessEngine> spare_;  // the probe's process, kept for a worker
};

}  // namespace settle
