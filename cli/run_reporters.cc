#include "cli/run_reporters.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>

#include "cli/repro_dir.h"
#include "engines/profile.h"
#include "reports/console_reporter.h"
#include "reports/github_reporter.h"

namespace settle::cli {
namespace {

bool is_github_actions() {
  const char* value = std::getenv("GITHUB_ACTIONS");
  return value && std::string(value) == "true";
}

ConsoleOptions console_options(const RunOptions& options) {
  bool terminal = isatty(fileno(stderr)) != 0;
  const char* no_color_env = std::getenv("NO_COLOR");  // no-color.org: set and not empty
  bool no_color = no_color_env != nullptr && *no_color_env != '\0';
  ConsoleOptions console;
  console.quiet = options.quiet;
  console.progress = terminal && !no_color && !options.quiet;
  console.color = isatty(fileno(stdout)) != 0 && !no_color;
  console.slowest = options.slowest;
  return console;
}

// Each engine's profile and every prelude its realms load, as a repro script needs them.
std::map<std::string, ReproDirReporter::Engine> repro_engines(const RunPlan& plan,
                                                              const RunEngines& engines) {
  std::map<std::string, ReproDirReporter::Engine> repro;
  for (const EngineProfile& profile : plan.profiles) {
    std::vector<Prelude> preludes = profile_preludes(profile);
    preludes.insert(preludes.end(), engines.options.preludes.begin(),
                    engines.options.preludes.end());
    repro[profile.name] = {profile, preludes};
  }
  return repro;
}

}  // namespace

void add_run_reporters(ReporterSet& reporters, const RunPlan& plan, const RunEngines& engines) {
  const RunOptions& options = plan.options;
  // The engine matrix reads the results back; a run on one engine, or a quiet one, shows none.
  const bool show_matrix = engines.factories.size() > 1 && !options.quiet;
  reporters.add_reporter(std::make_unique<ConsoleReporter>(
      stdout, console_options(options), stderr, show_matrix ? &reporters.results() : nullptr));
  if (options.github || is_github_actions()) {
    const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
    reporters.add_reporter(
        std::make_unique<GithubReporter>(std::cout, summary ? summary : "", reporters.results()));
  }
  reporters.add_files(options.reports);
  if (!options.repro_dir.empty()) {
    reporters.add_reporter(
        std::make_unique<ReproDirReporter>(options.repro_dir, repro_engines(plan, engines)));
  }
}

}  // namespace settle::cli
