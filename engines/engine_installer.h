#pragma once

#include <string>
#include <vector>

#include "engines/profile.h"

namespace settle {

// What `settle engines --install` needs for some profiles: npm packages, installed into the
// engines folder at the versions engines/npm/package.json pins (compiled in), and Debian packages.
struct InstallNeeds {
  std::vector<std::string> npm;     // package names, each once, in order of first mention
  std::vector<std::string> debian;  // package names, each once
};

InstallNeeds install_needs(const std::vector<EngineProfile>& profiles);

// The package.json for the engines folder: settle's pinned one (its postinstall bundles the
// CommonJS-only libraries), depending on the packages `existing` (the folder's package.json, or
// "") already depends on and on `npm`. Throws ProfileError for a package settle pins no version of.
std::string engines_package_json(const std::string& existing, const std::vector<std::string>& npm);

// The packages among `names` that dpkg does not list as installed.
std::vector<std::string> missing_debian_packages(const std::vector<std::string>& names);

}  // namespace settle
