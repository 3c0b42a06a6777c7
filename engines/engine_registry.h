#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engines/engine.h"

namespace settle {

// An engine that cannot be used here: unknown, not installed, or failing its start-up.
class EngineUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The built-in engine names.
std::vector<std::string> builtin_engine_names();

// Makes the factory for --engine NAME (a built-in profile) or --engine FILE (a user's profile).
// Throws EngineUnavailable, with the way to install what is missing when the profile names one,
// and PreludeError when a prelude does not compile on the engine.
std::unique_ptr<EngineFactory> make_engine_factory(const std::string& name,
                                                   const EngineOptions& options);

}  // namespace settle
