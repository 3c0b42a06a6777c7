#include "cli/version_sweep.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/cli_error.h"
#include "cli/install_engines.h"

namespace settle::cli {

VersionSweep resolve_sweep(const std::string& spec, const EnginesDir& engines,
                           const std::string& each, bool installed_only) {
  auto name = split_versioned_name(spec);
  if (!name) {
    throw ProfileError("-e " + spec +
                       ": give the versions to sweep, NAME@A..B (node@6..26, bun@1.0.0..1.4.5)");
  }
  VersionSweep sweep{name->base, versioned_base(name->base, engines), {}, {}};
  if (is_version_range(name->version)) {
    sweep.versions = range_versions(sweep.base, name->version, each, installed_only);
  } else {
    sweep.versions = {find_versioned_profile(*name, engines).version_pin};
  }
  for (const std::string& version : sweep.versions) {
    sweep.engines.push_back(versioned_profile(sweep.base, sweep.base_name, version).name);
  }
  return sweep;
}

void install_missing_versions(const VersionSweep& sweep, bool install) {
  std::vector<std::string> missing;
  for (const std::string& version : sweep.versions) {
    EngineProfile profile = versioned_profile(sweep.base, sweep.base_name, version);
    if (unavailable_reason(profile)) missing.push_back(profile.name);
  }
  if (missing.empty()) return;
  std::string names;
  for (const std::string& name : missing) names += " " + name;
  if (!install) {
    throw CliError(
        ExitStatus::kRunnerFailed,
        "not installed:" + names + " (to install: settle engines --install" + names + ")");
  }
  say("installing " + std::to_string(missing.size()) + " version" +
      (missing.size() == 1 ? "" : "s") + " into the engines folder:" + names);
  if (install_engines(missing, /*yes=*/false, sweep.base.engines) != ExitStatus::kOk)
    throw CliError(ExitStatus::kRunnerFailed, "could not install:" + names);
}

StdoutToStderr::StdoutToStderr() {
  std::cout.flush();
  std::fflush(stdout);
  saved_ = dup(STDOUT_FILENO);
  dup2(STDERR_FILENO, STDOUT_FILENO);
}

StdoutToStderr::~StdoutToStderr() {
  std::cout.flush();
  std::fflush(stdout);
  if (saved_ >= 0) {
    dup2(saved_, STDOUT_FILENO);
    close(saved_);
  }
}

}  // namespace settle::cli
