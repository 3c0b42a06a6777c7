#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/run_plan.h"
#include "engines/lowering/lowerer.h"
#include "engines/profile.h"
#include "runner/model/engine.h"

namespace settle::cli {

// The engines of a run, each started once (probed, its preludes compiled).
struct RunEngines {
  EngineOptions options;                                  // the user's preludes
  std::vector<std::unique_ptr<EngineFactory>> factories;  // in the plan's engine order
  std::shared_ptr<Lowerer> lowerer;  // the run's one lowering service, when an engine lowers

  std::vector<const EngineFactory*> engines() const;
  std::vector<const EngineInfo*> infos() const;
};

// Starts each engine of the plan. Throws CliError: bad input for a prelude that does not read or
// compile, runner failed when an engine cannot run here. Interrupted, it returns the engines
// started so far, so that the run writes its reports, incomplete.
RunEngines start_engines(const RunPlan& plan);

}  // namespace settle::cli
