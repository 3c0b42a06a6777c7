#include <iostream>
#include <memory>

#include "engines/engine_registry.h"
#include "engines/engines_dir.h"
#include "runner/cli/commands.h"

namespace settle::cli {
namespace {

int list_engines() {
  bool any_usable = false;
  for (const std::string& name : builtin_engine_names()) {
    try {
      auto factory = make_engine_factory(name, EngineOptions{});
      const EngineInfo& info = factory->info();
      any_usable = true;
      std::cout << info.name << "  available  " << info.version << "  (adapter " << info.adapter
                << ")\n";
      std::string has, lacks;
      for (const auto& [feature, present] : info.features) {
        (present ? has : lacks) += (present ? has : lacks).empty() ? feature : ", " + feature;
      }
      std::cout << "  features: " << (has.empty() ? "(none probed)" : has) << "\n";
      std::cout << "  lacks:    " << (lacks.empty() ? "(nothing probed)" : lacks) << "\n";
    } catch (const EngineUnavailable& error) {
      std::cout << name << "  unavailable  " << error.what() << "\n";
    }
  }
  // On stderr: stdout keeps one unindented line per engine, which scripts read.
  EnginesDir npm = engines_dir();
  std::cerr << "npm-installed engines: " << npm.node_modules.string() << "  (chosen by "
            << npm.chosen_by << ")\n";
  return any_usable ? kExitOk : kExitNoEngine;
}

}  // namespace

void add_engines_command(CLI::App& app, int* exit_status) {
  auto dir = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("engines", "List engines, their versions and feature probes");
  command->add_option("--engines-dir", *dir, kEnginesDirHelp);
  command->callback([dir, exit_status] {
    if (!dir->empty()) set_engines_dir_option(*dir);
    *exit_status = list_engines();
  });
}

}  // namespace settle::cli
