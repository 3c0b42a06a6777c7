#include "cli/run_engines.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/cli_error.h"
#include "engines/engine_registry.h"
#include "engines/engines_dir.h"
#include "engines/lowering/lowering_engine.h"
#include "engines/profile.h"
#include "runner/input/input_error.h"
#include "runner/run/interrupt.h"

namespace settle::cli {

std::vector<const EngineFactory*> RunEngines::engines() const {
  std::vector<const EngineFactory*> engines;
  for (const auto& factory : factories) engines.push_back(factory.get());
  return engines;
}

std::vector<const EngineInfo*> RunEngines::infos() const {
  std::vector<const EngineInfo*> infos;
  for (const auto& factory : factories) infos.push_back(&factory->info());
  return infos;
}

RunEngines start_engines(const RunPlan& plan) {
  RunEngines run;
  try {
    run.options.preludes = read_preludes(plan.options.preludes);
  } catch (const std::exception& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  for (const EngineProfile& profile : plan.profiles) {
    const std::string& lower = plan.options.lower.empty() ? profile.lower : plan.options.lower;
    const LowerLevel level = lower_level_from_name(lower).value_or(LowerLevel::kNone);
    // Interrupted while engines start: the run goes on with those that started (it runs no case)
    // so that the reports are written, marked incomplete.
    if (interrupted()) break;
    try {
      std::unique_ptr<EngineFactory> factory = make_engine_factory(profile, run.options);
      if (level != LowerLevel::kNone) {
        if (!run.lowerer) {
          // The cache is the engines folder's lowered/, or SETTLE_LOWERING_CACHE's folder.
          const EnginesDir& folder = plan.engines_dir;
          const char* cache = std::getenv("SETTLE_LOWERING_CACHE");
          run.lowerer = std::make_shared<Lowerer>(
              folder.node_modules, cache && *cache ? std::filesystem::path(cache)
                                                   : folder.node_modules.parent_path() / "lowered");
        }
        factory = make_lowering_factory(std::move(factory), run.lowerer, level);
      }
      run.factories.push_back(std::move(factory));
    } catch (const PreludeError& error) {
      throw CliError(ExitStatus::kBadInput, error);
    } catch (const LoweringError& error) {  // Babel is not installed
      throw CliError(ExitStatus::kRunnerFailed, error);
    } catch (const std::runtime_error& error) {  // EngineUnavailable
      if (interrupted()) break;
      throw CliError(ExitStatus::kRunnerFailed, error);
    }
  }
  return run;
}

}  // namespace settle::cli
