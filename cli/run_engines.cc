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

RunEngines start_engines(const RunOptions& options) {
  RunEngines run;
  try {
    run.options.preludes = read_preludes(options.preludes);
  } catch (const std::exception& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  run.names = options.engines.empty() ? std::vector<std::string>{"duktape"} : options.engines;
  std::sort(run.names.begin(), run.names.end());
  run.names.erase(std::unique(run.names.begin(), run.names.end()), run.names.end());
  std::vector<LowerLevel> levels;
  for (const auto& name : run.names) {
    try {
      run.profiles.push_back(find_profile(name));
      const std::string& lower = options.lower.empty() ? run.profiles.back().lower : options.lower;
      levels.push_back(lower_level_from_name(lower).value_or(LowerLevel::kNone));
    } catch (const ProfileError& error) {  // no such engine
      throw CliError(ExitStatus::kBadInput, error);
    } catch (const InputError& error) {  // a broken profile file
      throw CliError(ExitStatus::kBadInput, error);
    }
  }
  for (std::size_t i = 0; i < run.profiles.size(); ++i) {
    // Interrupted while engines start: the run goes on with those that started (it runs no case)
    // so that the reports are written, marked incomplete.
    if (interrupted()) break;
    try {
      std::unique_ptr<EngineFactory> factory = make_engine_factory(run.profiles[i], run.options);
      if (levels[i] != LowerLevel::kNone) {
        if (!run.lowerer) {
          // The cache is the engines folder's lowered/, or SETTLE_LOWERING_CACHE's folder.
          const EnginesDir folder = engines_dir();
          const char* cache = std::getenv("SETTLE_LOWERING_CACHE");
          run.lowerer = std::make_shared<Lowerer>(
              folder.node_modules, cache && *cache ? std::filesystem::path(cache)
                                                   : folder.node_modules.parent_path() / "lowered");
        }
        factory = make_lowering_factory(std::move(factory), run.lowerer, levels[i]);
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
