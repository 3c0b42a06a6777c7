// `settle bisect ID [PATHS] -e NAME@A..B`: the first published version whose outcome for one case
// differs from A's, by binary search, with both neighbours checked.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/run_options.h"
#include "cli/store_option.h"
#include "cli/version_sweep.h"
#include "engines/engines_dir.h"
#include "reports/result_json.h"
#include "runner/gate/report_reader.h"

namespace settle::cli {
namespace {

struct BisectOptions {
  std::string id;
  std::vector<std::string> paths;
  std::string engine;
  bool no_install = false;
  bool installed_only = false;  // --installed
  std::string store;
  int timeout_ms = 5000;
  std::string engines_dir;
  std::vector<std::string> preludes;
};

// What one version did with the case: its status and observation, compared whole.
struct VersionOutcome {
  std::string status;
  nlohmann::json observed;
  std::string message;
  std::string exact;  // the engine's exact version
  bool operator==(const VersionOutcome& other) const {
    return status == other.status && observed == other.observed;
  }
  bool operator!=(const VersionOutcome& other) const { return !(*this == other); }
};

class Prober {
 public:
  Prober(const BisectOptions& options, const VersionSweep& sweep)
      : options_(options), sweep_(sweep) {}

  // The outcome on the version at `index` (installed first where it may be); throws CliError.
  const VersionOutcome& at(std::size_t index) {
    auto known = seen_.find(index);
    if (known != seen_.end()) return known->second;
    VersionSweep one = sweep_;
    one.versions = {sweep_.versions[index]};
    one.engines = {sweep_.engines[index]};
    install_missing_versions(one, !options_.no_install);
    const char* tmp = std::getenv("TMPDIR");
    std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/settle-bisect-XXXXXX";
    int fd = mkstemp(path.data());
    if (fd < 0)
      throw CliError(ExitStatus::kReportNotWritten, "cannot make a temporary file in " + path);
    close(fd);
    struct Remove {
      std::string path;
      ~Remove() { std::filesystem::remove(path); }
    } remove{path};
    RunOptions run;
    run.paths = options_.paths;
    run.engines = one.engines;
    run.preludes = options_.preludes;
    run.reports["json"] = path;
    run.jobs = 1;
    run.timeout_ms = options_.timeout_ms;
    run.filters = {options_.id};
    run.quiet = true;
    run.engines_dir = options_.engines_dir;
    run.store = options_.store;
    ExitStatus status = [&] {
      StdoutToStderr quiet;
      return run_command(run);
    }();
    // The run said what went wrong.
    if (status != ExitStatus::kOk && status != ExitStatus::kFailures) throw CliError(status, "");
    LoadedReport report = read_report(path);
    if (report.results.size() != 1) {
      throw CliError(ExitStatus::kBadInput, "\"" + options_.id + "\" names " +
                                                std::to_string(report.results.size()) +
                                                " runs; bisect takes one case's full id");
    }
    const Result& result = report.results.front();
    VersionOutcome outcome{std::string(status_info(result.status).name),
                           observed_json(result.observed), result.message, one.engines.front()};
    for (const EngineInfo& info : report.run.engines) outcome.exact = info.version;
    say(one.engines.front() + ": " + outcome.status);
    return seen_.emplace(index, outcome).first->second;
  }

  // The versions probed so far and their outcomes, oldest first.
  const std::map<std::size_t, VersionOutcome>& seen() const { return seen_; }

 private:
  const BisectOptions& options_;
  const VersionSweep& sweep_;
  std::map<std::size_t, VersionOutcome> seen_;
};

void print_version_outcome(const std::string& engine, const VersionOutcome& outcome,
                           const BisectOptions& options) {
  std::cout << "  " << engine << " (" << outcome.exact << "): " << outcome.status << "\n";
  std::cout << "    observed: " << outcome.observed.dump() << "\n";
  if (!outcome.message.empty()) std::cout << "    message:  " << outcome.message << "\n";
  std::string paths;
  for (const auto& path : options.paths) paths += " " + path;
  std::string file = engine;
  for (char& c : file)
    if (c == '/' || c == '@' || c == '+') c = '-';
  std::cout << "    repro:    settle repro " << options.id << paths << " -e " << engine
            << " -o repro-" << file << ".js\n";
}

ExitStatus bisect(const BisectOptions& options) {
  VersionSweep sweep;
  try {
    sweep = resolve_sweep(options.engine, resolve_engines_dir(options.engines_dir), "patch",
                          options.installed_only);
  } catch (const std::exception& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  if (sweep.versions.size() < 2) {
    throw CliError(ExitStatus::kBadInput,
                   options.engine + " holds " + std::to_string(sweep.versions.size()) +
                       " published version; bisect needs a range of two or more");
  }
  say("bisecting " + options.id + " over " + std::to_string(sweep.versions.size()) +
      " versions of " + sweep.base.package + " (" + sweep.versions.front() + " to " +
      sweep.versions.back() + ")");
  Prober prober(options, sweep);
  try {
    std::size_t low = 0, high = sweep.versions.size() - 1;
    const VersionOutcome first = prober.at(low);
    // Ends that agree may hide a change and its reversal: the middle is probed too, and a
    // middle that differs is searched for from the first version.
    if (prober.at(high) == first && high > 1 && prober.at(high / 2) != first) high = high / 2;
    if (prober.at(high) == first) {
      std::cout << options.id << ": " << sweep.engines.front() << " and " << sweep.engines.back()
                << " agree (" << first.status << "); no change found between them (a change and "
                << "its reversal in between would not show)\n";
      print_version_outcome(sweep.engines.front(), first, options);
      return ExitStatus::kOk;
    }
    while (high - low > 1) {
      std::size_t middle = low + (high - low) / 2;
      if (prober.at(middle) == first) {
        low = middle;
      } else {
        high = middle;
      }
    }
    // Both neighbours of the pair: the outcome should be A's before it and the new one after.
    const VersionOutcome before = prober.at(low), after = prober.at(high);
    if (low > 0) prober.at(low - 1);
    if (high + 1 < sweep.versions.size()) prober.at(high + 1);
    std::size_t changes = 0;
    const VersionOutcome* previous = nullptr;
    for (const auto& [index, outcome] : prober.seen()) {
      if (previous && *previous != outcome) ++changes;
      previous = &outcome;
    }
    std::cout << options.id << ": the outcome changes between " << sweep.engines[low] << " and "
              << sweep.engines[high] << " (adjacent published versions of " << sweep.base.package
              << ")\n";
    print_version_outcome(sweep.engines[low], before, options);
    print_version_outcome(sweep.engines[high], after, options);
    if (changes > 1) {
      std::cout << "note: the outcome does not change only once: among the " << prober.seen().size()
                << " versions probed it changes " << changes << " times:";
      for (const auto& [index, outcome] : prober.seen())
        std::cout << " " << sweep.versions[index] << "=" << outcome.status;
      std::cout << "\n";
    } else {
      std::cout << "checked: "
                << (low > 0 ? sweep.versions[low - 1] + " is as " + sweep.versions.front()
                            : std::string("nothing before it"))
                << "; "
                << (high + 1 < sweep.versions.size()
                        ? sweep.versions[high + 1] + " is as " + sweep.versions[high]
                        : std::string("nothing after it"))
                << "\n";
    }
    return ExitStatus::kOk;
  } catch (const CliError&) {
    throw;
  } catch (const std::exception& error) {  // a report that does not read back
    throw CliError(ExitStatus::kRunnerFailed, error);
  }
}

}  // namespace

void add_bisect_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<BisectOptions>();
  CLI::App* command = app.add_subcommand(
      "bisect",
      "Find the first published version of an engine whose outcome for one case differs from "
      "the range's first (binary search, both neighbours checked)");
  command->add_option("id", options->id, "A case's full id (or one test262 run)")->required();
  command->add_option("paths", options->paths, "Case files or folders (default: cases/)");
  command
      ->add_option("-e,--engine", options->engine, "NAME@A..B: the versions, e.g. bun@1.0.0..1.4.5")
      ->required();
  command->add_flag("--no-install", options->no_install,
                    "Do not install missing versions (by default this command installs the ones "
                    "it probes, and says so)");
  add_store_option(*command, options->store);
  command->add_flag("--installed", options->installed_only,
                    "Only the versions installed in the engines folder: no registry, no install");
  command->add_option("--engines-dir", options->engines_dir, kEnginesDirHelp);
  command->add_option("--prelude", options->preludes, "Script loaded into every realm first")
      ->check(CLI::ExistingFile);
  command->add_option("--timeout", options->timeout_ms, "Per-case timeout in milliseconds")
      ->check(CLI::Range(1, 3'600'000));
  command->callback([options, exit_status] { *exit_status = bisect(*options); });
}

}  // namespace settle::cli
