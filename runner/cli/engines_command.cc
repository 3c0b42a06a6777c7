#include <iostream>

#include "engines/engine_registry.h"
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
  return any_usable ? kExitOk : kExitNoEngine;
}

}  // namespace

void add_engines_command(CLI::App& app, int* exit_status) {
  CLI::App* command =
      app.add_subcommand("engines", "List engines, their versions and feature probes");
  command->callback([exit_status] { *exit_status = list_engines(); });
}

}  // namespace settle::cli
