#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "engines/engine_registry.h"
#include "reports/atomic_file.h"
#include "reports/console_reporter.h"
#include "reports/json_reporter.h"
#include "reports/junit_reporter.h"
#include "runner/cli/case_loading.h"
#include "runner/cli/commands.h"
#include "runner/plan.h"
#include "runner/scheduler.h"

namespace settle::cli {
namespace {

struct RunOptions {
  std::vector<std::string> paths;
  std::vector<std::string> engines;
  std::vector<std::string> preludes;
  std::string json_path;
  std::string junit_path;
  unsigned jobs = 0;
  int timeout_ms = 5000;
  std::vector<std::string> filters;
  std::optional<std::string> case_root;
  bool quiet = false;
  bool strict_input = false;
};

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

std::vector<Prelude> read_preludes(const std::vector<std::string>& files) {
  std::vector<Prelude> preludes;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the prelude " + file);
    std::ostringstream text;
    text << in.rdbuf();
    preludes.push_back({file, text.str()});
  }
  return preludes;
}

int run(const RunOptions& options) {
  auto started_clock = std::chrono::steady_clock::now();
  try {
    for (const auto& path : {options.json_path, options.junit_path}) {
      if (!path.empty()) check_writable(path);
    }
  } catch (const ReportWriteError& error) {
    std::cerr << "settle: " << error.what() << "\n";
    return kExitBadInput;
  }

  LoadedCorpus corpus = load_corpus(options.paths, options.case_root);
  if (options.strict_input && !corpus.errors.empty()) {
    for (const auto& error : corpus.errors) std::cerr << error.to_string() << "\n";
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
  std::vector<std::unique_ptr<EngineFactory>> factories;
  for (const auto& name : names) {
    try {
      factories.push_back(make_engine_factory(name, engine_options));
    } catch (const EngineUnavailable& error) {
      std::cerr << "settle: " << error.what() << "\n";
      return kExitNoEngine;
    }
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
  std::vector<PlannedJob> jobs =
      plan_jobs(select_cases(corpus.cases, settings.filters), infos, settings);

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

  bool terminal = isatty(fileno(stderr)) != 0;
  bool no_color = std::getenv("NO_COLOR") != nullptr;
  ConsoleOptions console_options;
  console_options.quiet = options.quiet;
  console_options.progress = terminal && !no_color && !options.quiet;
  console_options.color = isatty(fileno(stdout)) != 0 && !no_color;
  auto console = std::make_unique<ConsoleReporter>(stdout, console_options);
  ConsoleReporter progress_line(stderr, console_options);
  std::vector<std::unique_ptr<Reporter>> reporters;
  reporters.push_back(std::move(console));
  if (!options.json_path.empty())
    reporters.push_back(std::make_unique<JsonReporter>(options.json_path));
  if (!options.junit_path.empty())
    reporters.push_back(std::make_unique<JunitReporter>(options.junit_path));

  Summary summary;
  summary.load_errors = corpus.errors.size();
  for (auto& reporter : reporters) reporter->begin(run);
  SchedulerCallbacks callbacks;
  callbacks.on_result = [&](Result&& result) {
    summary.add(result);
    for (auto& reporter : reporters) reporter->add(result);
  };
  callbacks.on_progress = [&](std::size_t done, std::size_t total, const Result& latest) {
    progress_line.progress(done, total, latest);
  };
  run_jobs(jobs, engines, workers, callbacks);
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_clock).count();

  int status = kExitOk;
  for (auto& reporter : reporters) {
    try {
      reporter->end(summary);
    } catch (const ReportWriteError& error) {
      std::cerr << "settle: " << error.what() << "\n";
      status = kExitNoEngine;
    }
  }
  if (status != kExitOk) return status;
  if (!corpus.errors.empty()) return kExitBadInput;
  return summary.overall().all_as_expected() ? kExitOk : kExitFailures;
}

}  // namespace

void add_run_command(CLI::App& app, int* exit_status) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run case files on engines and report");
  command->add_option("paths", options->paths, "Case files or folders (default: cases/)");
  command->add_option("-e,--engine", options->engines,
                      "Engine to run on; repeatable (default: duktape)");
  command
      ->add_option("--prelude", options->preludes,
                   "Script loaded into every case's realm first; repeatable")
      ->check(CLI::ExistingFile);
  command->add_option("--json", options->json_path, "Write the JSON report (settle-report/1) here");
  command->add_option("--junit", options->junit_path, "Write a JUnit XML report here");
  command->add_option("-j,--jobs", options->jobs, "Workers (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_option("--timeout", options->timeout_ms, "Per-case timeout in milliseconds")
      ->check(CLI::Range(1, 3'600'000));
  command->add_option("--filter", options->filters, "Glob on full case ids; repeatable");
  command->add_option(
      "--case-root", options->case_root,
      "Folder that case ids are relative to (default: the nearest folder named cases)");
  command->add_flag("-q,--quiet", options->quiet, "Print only the final line");
  command->add_flag("--strict-input", options->strict_input,
                    "Stop before running anything when a case file does not load");
  command->callback([options, exit_status] { *exit_status = run(*options); });
}

}  // namespace settle::cli
