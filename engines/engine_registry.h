#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engines/profile.h"
#include "runner/model/engine.h"

namespace settle {

// An engine whose profile is sound but that cannot be used here: not installed, or failing its
// start-up (exit status 3).
class EngineUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The built-in engine names.
std::vector<std::string> builtin_engine_names();

// Makes the factory for a profile (find_profile's: a run reads each profile once). Throws
// EngineUnavailable, with the way to install what is missing when the profile names one, for an
// engine this machine lacks, and PreludeError when a prelude does not compile on the engine.
std::unique_ptr<EngineFactory> make_engine_factory(const EngineProfile& profile,
                                                   const EngineOptions& options);

}  // namespace settle
