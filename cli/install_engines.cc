#include "cli/install_engines.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "engines/engine_installer.h"
#include "engines/engine_registry.h"
#include "engines/engine_versions.h"
#include "engines/engines_dir.h"
#include "engines/lowering/lowerer.h"
#include "engines/profile.h"
#include "runner/input/text_file.h"

namespace settle::cli {
namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

// Runs argv in `cwd` with the environment plus `env`, its output on settle's stderr; its exit
// status, or -1 when it cannot start.
int run_to_stderr(const std::vector<std::string>& argv, const std::string& cwd,
                  const std::vector<std::string>& env = {}) {
  say("running " + joined(argv));
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    dup2(STDERR_FILENO, STDOUT_FILENO);
    for (const std::string& assignment : env) putenv(const_cast<char*>(assignment.c_str()));
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `npm install` in `prefix`, its output on stderr: its exit status, or kNpmDidNotStart (said).
constexpr int kNpmDidNotStart = -1;
int npm_install(const std::string& prefix) {
  int status = run_to_stderr(
      {"npm", "install", "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error"},
      prefix);
  if (status == 127 || status == -1) {
    say("npm did not start; it comes with Node.js (apt-get install npm)");
    return kNpmDidNotStart;
  }
  return status;
}

bool install_npm_packages(const std::vector<std::string>& packages, const EnginesDir& engines) {
  namespace fs = std::filesystem;
  fs::path prefix = engines.node_modules.parent_path();
  std::error_code error;
  fs::create_directories(prefix, error);
  std::string manifest = (prefix / "package.json").string();
  std::string json = engines_package_json(read_text_file(manifest).value_or(""), packages);
  std::ofstream out(manifest, std::ios::trunc);
  out << json;
  out.close();
  if (!out) {
    say("cannot write " + manifest);
    return false;
  }
  say("npm packages into " + prefix.string() + ": " + joined(packages));
  int status = npm_install(prefix.string());
  if (status == kNpmDidNotStart) return false;
  if (status != 0) say("npm install failed (exit status " + std::to_string(status) + ")");
  return status == 0;
}

// One version of a package into its own folder (engine_versions.h), which then holds only it.
bool install_npm_version(const EnginesDir& engines, const std::string& package,
                         const std::string& version) {
  namespace fs = std::filesystem;
  fs::path prefix = version_prefix(engines, package, version);
  std::error_code error;
  if (fs::exists(prefix / "node_modules" / package / "package.json", error)) return true;
  fs::create_directories(prefix, error);
  // Another settle may install the same version now: one at a time, and the second finds it.
  int lock =
      open((prefix.parent_path() / ".install.lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (lock >= 0) flock(lock, LOCK_EX);
  struct Unlock {
    int fd;
    ~Unlock() {
      if (fd >= 0) close(fd);
    }
  } unlock{lock};
  if (fs::exists(prefix / "node_modules" / package / "package.json", error)) return true;
  nlohmann::json manifest = {{"private", true}, {"dependencies", {{package, version}}}};
  std::string file = (prefix / "package.json").string();
  std::ofstream out(file, std::ios::trunc);
  out << manifest.dump(2) << "\n";
  out.close();
  if (!out) {
    say("cannot write " + file);
    return false;
  }
  say("installing " + package + " " + version + " into " + prefix.string());
  int status = npm_install(prefix.string());
  if (status == kNpmDidNotStart) return false;
  if (status != 0) {
    say("npm install " + package + "@" + version + " failed (exit status " +
        std::to_string(status) + ")");
    fs::remove_all(prefix, error);  // no half-installed version that looks installed
  }
  return status == 0;
}

bool install_debian_packages(const std::vector<std::string>& packages, bool yes) {
  std::vector<std::string> missing = missing_debian_packages(packages);
  if (missing.empty()) return true;
  std::vector<std::string> apt = {"apt-get", "install", "-y", "--no-install-recommends"};
  apt.insert(apt.end(), missing.begin(), missing.end());
  if (!yes || geteuid() != 0) {
    say(std::string("Debian packages to install, as root") + (yes ? "" : " (or add --yes)") + ": " +
        joined(apt));
    return false;
  }
  std::vector<std::string> env = {"DEBIAN_FRONTEND=noninteractive"};
  if (run_to_stderr(apt, "", env) == 0) return true;
  // A fresh machine's package lists may be empty or stale.
  return run_to_stderr({"apt-get", "update"}, "", env) == 0 && run_to_stderr(apt, "", env) == 0;
}

// What `--lower es5` needs, as a profile for install_needs: Babel and its plugins.
EngineProfile lowering_profile() {
  EngineProfile profile;
  profile.name = kLoweringInstallName;
  profile.npm = lowering_npm_packages();
  return profile;
}

}  // namespace

ExitStatus install_engines(const std::vector<std::string>& names, bool yes,
                           const EnginesDir& engines) {
  std::vector<EngineProfile> profiles;
  try {
    for (const std::string& name : names) {
      if (name == "all") {
        for (const auto& [builtin, profile] : builtin_profiles()) profiles.push_back(profile);
        profiles.push_back(lowering_profile());
      } else if (name == kLoweringInstallName) {
        profiles.push_back(lowering_profile());
      } else {
        profiles.push_back(find_profile(name, engines));
      }
    }
  } catch (const ProfileError& error) {  // no such engine
    throw CliError(ExitStatus::kBadInput, error);
  } catch (const InputError& error) {  // a broken profile file
    throw CliError(ExitStatus::kBadInput, error);
  }
  // A version's base (node-current under core-js@3.0.0) is installed only where it is missing,
  // so that installing a version never reinstalls the engines folder.
  std::vector<EngineProfile> unversioned;
  bool installed = true;
  for (EngineProfile& profile : profiles) {
    if (profile.version_package.empty()) {
      unversioned.push_back(profile);
      continue;
    }
    installed =
        install_npm_version(engines, profile.version_package, profile.version_pin) && installed;
    std::vector<std::string> missing;
    for (const std::string& package : profile.npm) {
      if (access(expand_placeholders(profile, "{npm}/" + package).c_str(), R_OK) != 0)
        missing.push_back(package);
    }
    profile.npm = missing;
    unversioned.push_back(profile);
  }
  InstallNeeds needs = install_needs(unversioned);
  try {
    if (!needs.npm.empty()) installed = install_npm_packages(needs.npm, engines) && installed;
  } catch (const ProfileError& error) {
    say(error.what());
    installed = false;
  }
  if (!needs.debian.empty()) installed = install_debian_packages(needs.debian, yes) && installed;
  return installed ? ExitStatus::kOk : ExitStatus::kRunnerFailed;
}

}  // namespace settle::cli
