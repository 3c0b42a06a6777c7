#include "engines/engine_installer.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "engines/lowering/lowerer.h"

namespace settle {
namespace embedded {
extern const char* const kEnginesPackageJson;
}  // namespace embedded

namespace {

void add_once(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

// Whether dpkg lists the package as installed. Only a Debian package name reaches the shell.
bool debian_package_installed(const std::string& name) {
  if (name.empty() ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+-.") != std::string::npos)
    return false;  // not a Debian package name, so nothing is installed under it
  std::string command = "dpkg-query -W -f='${Status}' -- '" + name + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return false;
  std::string status;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe)) status += buffer;
  int exit_status = pclose(pipe);
  return exit_status == 0 && status.find("install ok installed") != std::string::npos;
}

}  // namespace

InstallNeeds install_needs(const std::vector<EngineProfile>& profiles) {
  InstallNeeds needs;
  for (const EngineProfile& profile : profiles) {
    for (const std::string& name : profile.npm) add_once(needs.npm, name);
    for (const std::string& name : profile.debian) add_once(needs.debian, name);
    if (lower_level_from_name(profile.lower).value_or(LowerLevel::kNone) != LowerLevel::kNone) {
      for (const std::string& name : lowering_npm_packages()) add_once(needs.npm, name);
    }
  }
  return needs;
}

std::string engines_package_json(const std::string& existing, const std::vector<std::string>& npm) {
  using nlohmann::json;
  json pinned = json::parse(embedded::kEnginesPackageJson);
  const json& versions = pinned["dependencies"];
  json dependencies = json::object();
  if (!existing.empty()) {
    json old = json::parse(existing, nullptr, /*allow_exceptions=*/false);
    if (old.is_object() && old.contains("dependencies") && old["dependencies"].is_object()) {
      for (const auto& [name, version] : old["dependencies"].items()) {
        if (versions.contains(name)) dependencies[name] = versions[name];
      }
    }
  }
  for (const std::string& name : npm) {
    if (!versions.contains(name))
      throw ProfileError("npm package " + name + ": settle pins no version of it");
    dependencies[name] = versions[name];
  }
  pinned["dependencies"] = dependencies;
  return pinned.dump(2) + "\n";
}

std::vector<std::string> missing_debian_packages(const std::vector<std::string>& names) {
  std::vector<std::string> missing;
  for (const std::string& name : names) {
    if (!debian_package_installed(name)) missing.push_back(name);
  }
  return missing;
}

}  // namespace settle
