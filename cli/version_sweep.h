#pragma once

#include <string>
#include <vector>

#include "engines/engine_versions.h"

namespace settle::cli {

// The versions a command sweeps (`settle versions`, `settle bisect`): -e NAME@A..B resolved.
struct VersionSweep {
  std::string base_name;              // "node"
  VersionedBase base;                 // its profile and npm package
  std::vector<std::string> versions;  // oldest first
  std::vector<std::string> engines;   // "node@10.24.1", one per version
};

// Resolves NAME@A..B (or NAME@A, one version) into published versions, thinned by `each`
// (major, minor, patch). Throws ProfileError.
// With installed_only, only the versions installed in `engines`, and no registry.
VersionSweep resolve_sweep(const std::string& spec, const EnginesDir& engines,
                           const std::string& each, bool installed_only = false);

// Installs the versions not installed yet, saying so on stderr. Throws CliError (the runner
// failed) when one is still missing: with install false, naming them and the command.
void install_missing_versions(const VersionSweep& sweep, bool install);

// While it lives, what settle writes to stdout goes to stderr: a sweep's runs print their lines
// there, and stdout keeps the command's own answer.
class StdoutToStderr {
 public:
  StdoutToStderr();
  ~StdoutToStderr();
  StdoutToStderr(const StdoutToStderr&) = delete;
  StdoutToStderr& operator=(const StdoutToStderr&) = delete;

 private:
  int saved_;
};

}  // namespace settle::cli
