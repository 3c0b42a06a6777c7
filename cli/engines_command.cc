#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/install_engines.h"
#include "engines/engine_registry.h"
#include "engines/engines_dir.h"
#include "engines/lowering/lowerer.h"
#include "engines/profile.h"

namespace settle::cli {
namespace {

// Prints one engine, available, with its version, probes and $262 parts; or returns why it is not.
std::optional<std::string> show_if_available(const std::string& name, const EnginesDir& engines) {
  try {
    auto factory = make_engine_factory(find_profile(name, engines), EngineOptions{});
    const EngineInfo& info = factory->info();
    std::cout << info.name << "  available  " << info.version << "  (adapter "
              << adapter_name(info.adapter) << ")\n";
    std::string has, lacks;
    for (const auto& [feature, present] : info.features) {
      (present ? has : lacks) += (present ? has : lacks).empty() ? feature : ", " + feature;
    }
    std::cout << "  features: " << (has.empty() ? "(none probed)" : has) << "\n";
    std::cout << "  lacks:    " << (lacks.empty() ? "(nothing probed)" : lacks) << "\n";
    std::string parts;
    for (const auto& part : info.host_262) parts += (parts.empty() ? "" : ", ") + part;
    std::cout << "  $262:     " << (parts.empty() ? "(none)" : parts) << "\n";
    return std::nullopt;
  } catch (const EngineUnavailable& error) {
    return std::string(error.what());
  }
}

// Why an engine is unavailable without the "(to install: ...)" its text ends with, which the
// list of every engine says once at its end.
std::string without_install_hint(const std::string& why) {
  std::size_t hint = why.rfind(" (to install: ");
  return hint == std::string::npos ? why : why.substr(0, hint);
}

// The engines -e names (built-in names or a user's profile files), each in full.
bool list_named(const std::vector<std::pair<std::string, std::string>>& shown,
                const EnginesDir& engines) {
  bool any_usable = false;
  for (const auto& [name, label] : shown) {
    auto why = show_if_available(name, engines);
    if (why) std::cout << label << "  unavailable  " << *why << "\n";
    any_usable = any_usable || !why;
  }
  return any_usable;
}

// Every built-in profile, compact enough for a fresh machine: an available one in full; an
// unavailable engine on one line; the unavailable library profiles (BASE+LIBRARY) on one line per
// base; then, once, how to install what is missing.
bool list_builtin(const EnginesDir& engines) {
  bool any_usable = false;
  std::vector<std::string> missing;
  std::map<std::string, std::vector<std::string>> missing_libraries;  // by base engine
  const std::vector<std::string> names = builtin_engine_names();
  for (const std::string& name : names) {
    auto why = show_if_available(name, engines);
    any_usable = any_usable || !why;
    if (!why) continue;
    missing.push_back(name);
    std::size_t plus = name.find('+');
    if (plus == std::string::npos) {
      std::cout << name << "  unavailable  " << without_install_hint(*why) << "\n";
    } else {
      missing_libraries[name.substr(0, plus)].push_back(name.substr(plus + 1));
    }
  }
  for (const auto& [base, libraries] : missing_libraries) {
    std::string list;
    for (const std::string& library : libraries) list += (list.empty() ? "" : ", ") + library;
    std::cout << base << "+LIBRARY  unavailable  " << libraries.size() << " librar"
              << (libraries.size() == 1 ? "y" : "ies") << " not installed: " << list << "\n";
  }
  if (!missing.empty()) {
    std::cout << missing.size() << " of " << names.size()
              << " built-in engines not installed; to install one: settle engines --install NAME "
                 "(e.g. "
              << missing.front() << "); every one: settle engines --install all --yes\n";
  }
  return any_usable;
}

// Every built-in profile, or the ones -e names.
ExitStatus list_engines(const std::vector<std::string>& named, const EnginesDir& engines) {
  std::vector<std::pair<std::string, std::string>> shown;  // argument, profile name
  for (const std::string& name : named) {
    try {
      shown.emplace_back(name, find_profile(name, engines).name);
    } catch (const ProfileError& error) {  // no such engine
      throw CliError(ExitStatus::kBadInput, error);
    } catch (const InputError& error) {  // a broken profile file
      throw CliError(ExitStatus::kBadInput, error);
    }
  }
  // On stderr: stdout keeps one unindented line per engine (or per base's missing libraries),
  // which scripts read.
  std::cerr << "npm-installed engines: " << engines.node_modules.string() << "  (chosen by "
            << engines.chosen_by << ")\n";
  bool any_usable = named.empty() ? list_builtin(engines) : list_named(shown, engines);
  return any_usable ? ExitStatus::kOk : ExitStatus::kRunnerFailed;
}

}  // namespace

void add_engines_command(CLI::App& app, ExitStatus* exit_status) {
  CLI::App* command = app.add_subcommand(
      "engines", "List engines (every built-in profile, or those -e names), versions and probes");
  auto named = std::make_shared<std::vector<std::string>>();
  auto dir = std::make_shared<std::string>();
  command->add_option("-e,--engine", *named,
                      "a built-in engine or a profile file to show (repeatable)");
  // --install takes the engines after it, or anywhere on the line as ENGINES: CLI11 hands an
  // option that needs a value the next word whatever it is, so `--install --yes jsc` would install
  // an engine named "--yes".
  auto install = std::make_shared<std::vector<std::string>>();
  auto engines = std::make_shared<std::vector<std::string>>();
  auto yes = std::make_shared<bool>(false);
  CLI::Option* install_option =
      command
          ->add_option("--install", *install,
                       "Install what these engines need (\"all\": every built-in one): npm "
                       "packages into the engines folder, Debian packages with apt-get; then show "
                       "them")
          ->expected(0, -1);
  command->add_option("ENGINES", *engines, "the engines to install (with --install) or show");
  command->add_flag("--yes", *yes,
                    "With --install, run apt-get for missing Debian packages (as root) instead of "
                    "printing the line to run");
  command->add_option("--engines-dir", *dir, kEnginesDirHelp);
  command->callback([exit_status, named, dir, install, install_option, engines, yes] {
    const EnginesDir engines_dir = resolve_engines_dir(*dir);
    if (install_option->count() == 0) {  // `settle engines NAME`: as -e NAME
      named->insert(named->end(), engines->begin(), engines->end());
      *exit_status = list_engines(*named, engines_dir);
      return;
    }
    install->insert(install->end(), engines->begin(), engines->end());
    // A bare --install leaves CLI11's empty value.
    install->erase(std::remove(install->begin(), install->end(), std::string()), install->end());
    if (install->empty()) throw CLI::ArgumentMismatch("--install: the engines to install missing");
    ExitStatus installed = install_engines(*install, *yes, engines_dir);
    bool all = std::find(install->begin(), install->end(), "all") != install->end();
    // Babel is what --lower needs, not an engine: there is no profile of it to list.
    std::vector<std::string> engines_installed = *install;
    engines_installed.erase(std::remove(engines_installed.begin(), engines_installed.end(),
                                        std::string(kLoweringInstallName)),
                            engines_installed.end());
    if (!all && engines_installed.empty()) {
      *exit_status = installed;
      return;
    }
    ExitStatus listed =
        list_engines(all ? std::vector<std::string>{} : engines_installed, engines_dir);
    *exit_status = installed != ExitStatus::kOk ? installed : listed;
  });
}

}  // namespace settle::cli
