#include "engines/engine_registry.h"

#include "engines/duktape/duktape_worker.h"
#include "engines/process/process_engine.h"
#include "engines/profile.h"

namespace settle {

std::vector<std::string> builtin_engine_names() {
  std::vector<std::string> names;
  for (const auto& [name, profile] : builtin_profiles()) names.push_back(name);
  return names;
}

std::unique_ptr<EngineFactory> make_engine_factory(const EngineProfile& profile,
                                                   const EngineOptions& options) {
  if (auto reason = unavailable_reason(profile)) {
    throw EngineUnavailable(profile.name + " is not available here: " + *reason);
  }
  try {
    if (profile.adapter == AdapterKind::kDuktape) {
      return make_duktape_worker_factory(profile, options);
    }
    return std::make_unique<ProcessEngineFactory>(profile, options);
  } catch (const PreludeError&) {
    throw;  // the user's input, not the engine, is at fault
  } catch (const std::exception& error) {
    throw EngineUnavailable(profile.name + " could not start: " + error.what());
  }
}

}  // namespace settle
