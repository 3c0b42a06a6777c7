#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/run_options.h"
#include "engines/lowering/lowerer.h"
#include "engines/profile.h"
#include "runner/model/engine.h"

namespace settle::cli {

// The engines of a run, each started once (probed, its preludes compiled).
struct RunEngines {
  std::vector<std::string> names;       // as --engine gave them, sorted, each once
  std::vector<EngineProfile> profiles;  // in the names' order, each read once
  EngineOptions options;                // the user's preludes
  std::vector<std::unique_ptr<EngineFactory>> factories;  // in the names' order
  std::shared_ptr<Lowerer> lowerer;  // the run's one lowering service, when an engine lowers

  std::vector<const EngineFactory*> engines() const;
  std::vector<const EngineInfo*> infos() const;
};

// Checks every name before any engine starts (a misspelt engine is bad usage whatever else is
// named), then starts each. Throws CliError: bad input for an unknown engine or a prelude that
// does not read or compile, no engine when one cannot run here. Interrupted, it returns the engines
// started so far, so that the run writes its reports, incomplete.
RunEngines start_engines(const RunOptions& options);

}  // namespace settle::cli
