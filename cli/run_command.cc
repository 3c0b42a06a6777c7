#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "cli/case_loading.h"
#include "cli/commands.h"
#include "cli/report_options.h"
#include "cli/repro_dir.h"
#include "engines/engine_registry.h"
#include "engines/engines_dir.h"
#include "engines/profile.h"
#include "reports/atomic_file.h"
#include "reports/console_reporter.h"
#include "reports/github_reporter.h"
#include "reports/reporter_set.h"
#include "runner/expectations.h"
#include "runner/gate.h"
#include "runner/interrupt.h"
#include "runner/plan.h"
#include "runner/report_reader.h"
#include "runner/scheduler.h"
#include "runner/shard.h"

namespace settle::cli {
namespace {

struct RunOptions {
  std::vector<std::string> paths;
  std::vector<std::string> engines;
  std::vector<std::string> preludes;
  ReportPaths reports;  // by format name
  std::string expectations_path;
  std::string update_expectations_path;
  bool strict_expectations = false;
  std::string baseline_path;
  std::string shard;
  unsigned jobs = 0;
  int timeout_ms = 5000;
  std::vector<std::string> filters;
  std::optional<std::string> case_root;
  std::optional<std::string> test262_root;
  bool quiet = false;
  bool github = false;  // GitHub Actions annotations and job summary
  bool strict_input = false;
  std::size_t slowest = 0;
  std::string engines_dir;
  std::string repro_dir;  // a repro script per unexpected failure
};

bool is_github_actions() {
  const char* value = std::getenv("GITHUB_ACTIONS");
  return value && std::string(value) == "true";
}

std::string now_iso8601() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

// The baseline's results that this run can be compared with: the cases it selected, and the
// cases that no longer exist (removed) when they match the filters; never the cases that only a
// filter or another shard left out.
std::vector<ResultFact> baseline_scope(const LoadedReport& baseline,
                                       const std::vector<const Case*>& selected,
                                       const std::set<std::string>& existing_ids,
                                       const std::vector<std::string>& filters, bool sharded) {
  std::set<std::string> selected_ids;
  for (const Case* test : selected) selected_ids.insert(test->id);
  std::vector<Case> removed;
  for (const Result& result : baseline.results) {
    if (!existing_ids.count(result.test->id)) removed.push_back(*result.test);
  }
  std::set<std::string> removed_in_scope;
  if (!sharded) {
    for (const Case* test : select_cases(removed, filters)) removed_in_scope.insert(test->id);
  }
  std::vector<ResultFact> scoped;
  for (const Result& result : baseline.results) {
    if (selected_ids.count(result.test->id) || removed_in_scope.count(result.test->id)) {
      scoped.push_back(ResultFact::of(result));
    }
  }
  return scoped;
}

int run(const RunOptions& options) {
  auto started_clock = std::chrono::steady_clock::now();
  if (!options.engines_dir.empty()) set_engines_dir_option(options.engines_dir);
  // SIGINT or SIGTERM stops the run; the reports still get what finished (runner/interrupt.h).
  install_interrupt_handlers();
  // Lines reach a CI log (a pipe) as the results come, not when a buffer fills.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::vector<std::string> written = paths_of(options.reports);
  written.push_back(options.update_expectations_path);
  if (!report_paths_writable(written)) return kExitBadInput;

  std::optional<Expectations> expectations;
  Expectations previous_expectations;  // what --update-expectations starts from
  std::optional<LoadedReport> baseline;
  try {
    if (!options.expectations_path.empty()) {
      expectations = read_expectations(options.expectations_path);
      previous_expectations = *expectations;
    }
    if (!options.update_expectations_path.empty() &&
        std::filesystem::exists(options.update_expectations_path)) {
      previous_expectations = read_expectations(options.update_expectations_path);
    }
    if (!options.baseline_path.empty()) baseline = read_report(options.baseline_path);
  } catch (const InputError& error) {
    std::cerr << "settle: " << error.what() << "\n";
    return kExitBadInput;
  }

  EngineOptions engine_options;
  try {
    engine_options.preludes = read_preludes(options.preludes);
  } catch (const std::exception& error) {
    std::cerr << "settle: " << error.what() << "\n";
    return kExitBadInput;
  }
  std::vector<std::string> names =
      options.engines.empty() ? std::vector<std::string>{"duktape"} : options.engines;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  // Every name is checked before any engine starts, and before the cases load: a misspelt engine
  // is bad usage (2) whatever else is named, and is told at once.
  for (const auto& name : names) {
    try {
      find_profile(name);
    } catch (const ProfileError& error) {  // no such engine
      std::cerr << "settle: " << error.what() << "\n";
      return kExitBadInput;
    } catch (const InputError& error) {  // a broken profile file
      std::cerr << "settle: " << error.what() << "\n";
      return kExitBadInput;
    }
  }
  std::vector<std::unique_ptr<EngineFactory>> factories;
  for (const auto& name : names) {
    try {
      factories.push_back(make_engine_factory(name, engine_options));
    } catch (const PreludeError& error) {
      std::cerr << "settle: " << error.what() << "\n";
      return kExitBadInput;
    } catch (const std::runtime_error& error) {  // EngineUnavailable (a profile file gone since)
      std::cerr << "settle: " << error.what() << "\n";
      return interrupted() ? exit_interrupted(interrupt_signal()) : kExitNoEngine;
    }
  }

  LoadedCorpus corpus = load_corpus({options.paths, options.case_root, options.test262_root});
  if (options.strict_input && !corpus.errors.empty()) {
    for (const auto& error : corpus.errors) std::cerr << error.to_string() << "\n";
    return kExitBadInput;
  }

  std::vector<const EngineFactory*> engines;
  std::vector<const EngineInfo*> infos;
  for (const auto& factory : factories) {
    engines.push_back(factory.get());
    infos.push_back(&factory->info());
  }

  PlanSettings settings;
  settings.timeout = std::chrono::milliseconds(options.timeout_ms);
  settings.filters = options.filters;
  std::vector<const Case*> selected = select_cases(corpus.cases, settings.filters);
  std::optional<Shard> shard = parse_shard(options.shard);
  if (shard) selected = take_shard(selected, *shard);
  std::vector<PlannedJob> jobs = plan_jobs(selected, infos, settings);

  GateInputs gate;
  gate.expectations = expectations ? &*expectations : nullptr;
  gate.strict_expectations = options.strict_expectations;
  // Only expectations and a baseline look at passes, skips and the corpus's ids: a plain run keeps
  // the facts of its failures alone.
  const bool whole_run_matters =
      expectations || baseline || !options.update_expectations_path.empty();
  if (whole_run_matters) {
    for (const Case& test : corpus.cases) gate.existing_ids.insert(test.id);
  }
  for (const EngineInfo* info : infos) gate.engines.push_back(info->name);  // a profile's name
  std::vector<ResultFact> baseline_results;
  if (baseline) {
    baseline_results =
        baseline_scope(*baseline, selected, gate.existing_ids, options.filters, shard.has_value());
    gate.baseline = &baseline_results;
  }

  unsigned workers =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  RunInfo run;
  run.settle_version = SETTLE_VERSION;
  run.started = now_iso8601();
  for (const auto* info : infos) run.engines.push_back(*info);
  run.load_errors = corpus.errors;
  run.settings = {
      {"engines", joined(names)},
      {"paths", joined(options.paths.empty() ? std::vector<std::string>{"cases"} : options.paths)},
      {"filters", joined(options.filters)},
      {"preludes", joined(options.preludes)},
      {"timeout_ms", std::to_string(options.timeout_ms)},
      {"jobs", std::to_string(workers)}};
  if (shard) run.settings["shard"] = shard->text();
  if (expectations) run.settings["expectations"] = options.expectations_path;
  if (options.strict_expectations) run.settings["strict_expectations"] = "true";
  if (baseline) run.settings["baseline"] = options.baseline_path;

  bool terminal = isatty(fileno(stderr)) != 0;
  const char* no_color_env = std::getenv("NO_COLOR");  // no-color.org: set and not empty
  bool no_color = no_color_env != nullptr && *no_color_env != '\0';
  ConsoleOptions console_options;
  console_options.quiet = options.quiet;
  console_options.progress = terminal && !no_color && !options.quiet;
  console_options.color = isatty(fileno(stdout)) != 0 && !no_color;
  console_options.slowest = options.slowest;
  ReporterSet reporters(first_report_folder(options.reports));
  // The engine matrix reads the results back; a run on one engine, or a quiet one, shows none.
  const bool show_matrix = infos.size() > 1 && !options.quiet;
  reporters.add_reporter(std::make_unique<ConsoleReporter>(
      stdout, console_options, stderr, show_matrix ? &reporters.results() : nullptr));
  if (options.github || is_github_actions()) {
    const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
    reporters.add_reporter(
        std::make_unique<GithubReporter>(std::cout, summary ? summary : "", reporters.results()));
  }
  reporters.add_files(options.reports);
  if (!options.repro_dir.empty()) {
    std::map<std::string, ReproDirReporter::Engine> repro_engines;
    for (const std::string& name : names) {
      EngineProfile profile = find_profile(name);
      std::vector<Prelude> preludes = profile_preludes(profile);
      preludes.insert(preludes.end(), engine_options.preludes.begin(),
                      engine_options.preludes.end());
      repro_engines[profile.name] = {profile, preludes};
    }
    reporters.add_reporter(
        std::make_unique<ReproDirReporter>(options.repro_dir, std::move(repro_engines)));
  }

  Summary summary;
  summary.load_errors = corpus.errors.size();
  // What the gate and --update-expectations need of each result; the reporters have the rest.
  std::vector<ResultFact> results;
  reporters.begin(run);
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&& result) {
    if (expectations) mark_known_failure(result, *expectations);
    summary.add(result);
    reporters.add(result);
    if (whole_run_matters || is_failure(result.status)) results.push_back(ResultFact::of(result));
  };
  callbacks.on_progress = [&](std::size_t done, std::size_t total, const Result& latest) {
    reporters.progress(done, total, latest);
  };
  run_jobs(jobs, engines, workers, callbacks);
  summary.complete = !interrupted();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_clock).count();
  summary.gate = evaluate_gate(results, gate);

  int status = kExitOk;
  if (!options.update_expectations_path.empty() && !summary.complete) {
    std::cerr << "settle: the run was interrupted: " << options.update_expectations_path
              << " is left as it was\n";
  } else if (!options.update_expectations_path.empty()) {
    Expectations updated =
        updated_expectations(previous_expectations, results, gate.engines, gate.existing_ids);
    try {
      write_file_atomically(options.update_expectations_path, expectations_text(updated));
    } catch (const ReportWriteError& error) {
      std::cerr << "settle: " << error.what() << "\n";
      status = kExitReportNotWritten;
    }
  }
  for (const std::string& failure : reporters.end(summary)) {
    std::cerr << "settle: " << failure << "\n";
    status = kExitReportNotWritten;
  }
  if (!summary.complete) return exit_interrupted(interrupt_signal());
  if (status != kExitOk) return status;
  if (!corpus.errors.empty()) return kExitBadInput;
  return summary.gate.passed() ? kExitOk : kExitFailures;
}

}  // namespace

void add_run_command(CLI::App& app, int* exit_status) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run case files on engines and report");
  command->add_option("paths", options->paths, "Case files or folders (default: cases/)");
  command->add_option("-e,--engine", options->engines,
                      "Engine to run on; repeatable (default: duktape)");
  command->add_option("--engines-dir", options->engines_dir, kEnginesDirHelp);
  command
      ->add_option("--prelude", options->preludes,
                   "Script loaded into every case's realm first; repeatable")
      ->check(CLI::ExistingFile);
  add_report_options(*command, options->reports);
  command->add_flag("--github", options->github,
                    "GitHub Actions: ::error annotations of unexpected failures (at most 50) and "
                    "the Markdown report as the job summary ($GITHUB_STEP_SUMMARY); on by itself "
                    "when GITHUB_ACTIONS=true");
  command->add_option("--repro-dir", options->repro_dir,
                      "Write a repro script of each unexpected failure here, for the engine's own "
                      "shell (as settle repro writes one)");
  command->add_option("--expectations", options->expectations_path,
                      "Known failures per engine (JSON): they do not fail the gate");
  command->add_option("--update-expectations", options->update_expectations_path,
                      "Write the known failures of this run to this expectations file");
  command->add_flag("--strict-expectations", options->strict_expectations,
                    "Unexpected passes and entries for missing cases fail the gate too");
  command->add_option("--baseline", options->baseline_path,
                      "An earlier --json report: regressions fail the gate, fixes are listed");
  command
      ->add_option("--shard", options->shard,
                   "Run the I-th of N deterministic slices of the cases (I/N, from 1)")
      ->check(CLI::Validator(
          [](std::string& text) {
            return parse_shard(text) ? std::string()
                                     : "must be I/N with 1 <= I <= N, not \"" + text + "\"";
          },
          "I/N"));
  command->add_option("-j,--jobs", options->jobs, "Workers (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_option("--timeout", options->timeout_ms, "Per-case timeout in milliseconds")
      ->check(CLI::Range(1, 3'600'000));
  command->add_option("--filter", options->filters, "Glob on full case ids; repeatable");
  command->add_option(
      "--case-root", options->case_root,
      "Folder that case ids are relative to (default: the nearest folder named cases)");
  command->add_option("--test262-dir", options->test262_root,
                      "Root of a test262 checkout (harness/ and test/); default: found above "
                      "each test262 test");
  command->add_flag("-q,--quiet", options->quiet, "Print only the final line");
  command->add_flag("--strict-input", options->strict_input,
                    "Stop before running anything when a case file does not load");
  command
      ->add_option("--slowest", options->slowest,
                   "At the end, list the N slowest case-runs with their engine and duration")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}));
  command->callback([options, exit_status] { *exit_status = run(*options); });
}

}  // namespace settle::cli
