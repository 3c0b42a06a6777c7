// `settle run`: the steps of a run, and its command line.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/report_options.h"
#include "cli/run_engines.h"
#include "cli/run_inputs.h"
#include "cli/run_options.h"
#include "cli/run_reporters.h"
#include "cli/shard_option.h"
#include "cli/store_option.h"
#include "engines/engines_dir.h"
#include "reports/atomic_file.h"
#include "reports/reporter_set.h"
#include "reports/results_store.h"
#include "runner/corpus/corpus.h"
#include "runner/gate/gate.h"
#include "runner/gate/report_reader.h"
#include "runner/input/utc_now.h"
#include "runner/run/case_selection.h"
#include "runner/run/interrupt.h"
#include "runner/run/job_feed.h"
#include "runner/run/scheduler.h"
#include "runner/run/shard.h"

namespace settle::cli {
namespace {

using Clock = std::chrono::steady_clock;

// The case files, validated, with what the run needs to know of their cases before it runs them.
struct CheckedCases {
  std::unique_ptr<Corpus> corpus;
  std::size_t matching = 0;            // cases that the filters select, before the shard
  std::set<std::string> expected_ids;  // the ids the expectations name that are cases
};

// What ends a run: the summary, and what the gate and --update-expectations need of each result.
struct RunOutcome {
  Summary summary;
  std::vector<ResultFact> facts;
  bool runner_failed = false;  // settle could not load again cases that had loaded
  bool stopped_at_maxfail() const { return !summary.stopped_by.empty(); }
};

void prepare_process() {
  // SIGINT or SIGTERM stops the run; the reports still get what finished (runner/run/interrupt.h).
  install_interrupt_handlers();
  // Lines reach a CI log (a pipe) as the results come, not when a buffer fills.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
}

// The files a run reads that a report could name by mistake: the case files named on the command
// line, and the --baseline, --expectations and --prelude files.
std::vector<NamedPath> files_read(const RunOptions& options) {
  std::vector<NamedPath> read;
  for (const std::string& path : options.paths) read.push_back({"the case file", path});
  if (!options.baseline_path.empty()) read.push_back({"--baseline", options.baseline_path});
  if (!options.expectations_path.empty()) {
    read.push_back({"--expectations", options.expectations_path});
  }
  for (const std::string& prelude : options.preludes) read.push_back({"--prelude", prelude});
  return read;
}

void check_outputs_writable(const RunOptions& options) {
  std::vector<NamedPath> outputs = named_paths_of(options.reports);
  // --update-expectations may name the --expectations file it updates, but no report.
  std::string clash = report_path_clash(outputs, files_read(options));
  if (clash.empty() && !options.update_expectations_path.empty()) {
    outputs.push_back({"--update-expectations", options.update_expectations_path});
    clash = report_path_clash(outputs, {});
  }
  if (!clash.empty()) throw CliError(ExitStatus::kBadInput, clash);
  std::vector<std::string> written = paths_of(options.reports);
  written.push_back(options.update_expectations_path);
  require_report_paths_writable(written);
}

// Validates every case file before anything runs; with --strict-input, a file that does not load
// stops the run here.
CheckedCases check_cases(const RunPlan& plan, const RunInputs& inputs) {
  const RunOptions& options = plan.options;
  CheckedCases checked;
  const std::set<std::string> expected = inputs.expected_ids();
  checked.corpus = std::make_unique<Corpus>(
      CorpusSources{options.paths, options.case_root, options.test262_root}, [&](const Case& test) {
        if (plan.cases.matches(test.id)) ++checked.matching;
        if (expected.count(test.id)) checked.expected_ids.insert(test.id);
      });
  if (options.strict_input && !checked.corpus->errors().empty()) {
    for (const auto& error : checked.corpus->errors()) std::cerr << error.to_string() << "\n";
    throw CliError(ExitStatus::kBadInput, "");
  }
  return checked;
}

// The baseline's results in this run's scope; the report read is let go.
std::optional<std::vector<ResultFact>> scoped_baseline(const RunPlan& plan, RunInputs& inputs,
                                                       CheckedCases& checked) {
  if (!inputs.baseline) return std::nullopt;
  std::optional<std::vector<ResultFact>> scoped;
  try {
    scoped = baseline_scope(*inputs.baseline, *checked.corpus, CaseSelection(plan.cases),
                            plan.options.shard.has_value());
  } catch (const std::runtime_error& error) {  // the cases' copy cannot be read back
    throw CliError(ExitStatus::kRunnerFailed, error);
  }
  inputs.baseline.reset();
  return scoped;
}

GateInputs gate_inputs(const RunPlan& plan, const RunInputs& inputs, const RunEngines& engines,
                       const CheckedCases& checked,
                       const std::optional<std::vector<ResultFact>>& baseline) {
  GateInputs gate;
  gate.expectations = inputs.expectations ? &*inputs.expectations : nullptr;
  gate.strict_expectations = plan.options.strict_expectations;
  gate.existing_ids = checked.expected_ids;
  for (const EngineInfo* info : engines.infos()) gate.engines.push_back(info->name);
  gate.baseline = baseline ? &*baseline : nullptr;
  return gate;
}

RunInfo run_info(const RunPlan& plan, const RunEngines& engines, const CheckedCases& checked) {
  const RunOptions& options = plan.options;
  RunInfo run;
  run.settle_version = SETTLE_VERSION;
  run.started = utc_now_iso8601();
  for (const EngineInfo* info : engines.infos()) run.engines.push_back(*info);
  run.load_errors = checked.corpus->errors();
  RunSettings& settings = run.settings;
  settings.engines = plan.engine_names;
  settings.paths = options.paths.empty() ? std::vector<std::string>{"cases"} : options.paths;
  settings.filters = options.filters;
  settings.preludes = options.preludes;
  settings.timeout_ms = options.timeout_ms;
  settings.jobs = plan.workers;
  settings.shard = options.shard;
  if (!options.expectations_path.empty()) settings.expectations = options.expectations_path;
  settings.strict_expectations = options.strict_expectations;
  settings.strict_rejections = options.strict_rejections;
  if (options.maxfail != 0) settings.maxfail = options.maxfail;
  if (!options.baseline_path.empty()) settings.baseline = options.baseline_path;
  for (const EngineInfo* info : engines.infos()) {
    if (!info->lower.empty()) settings.lower.emplace_back(info->name, info->lower);
  }
  return run;
}

// Runs the selected cases, a group of case files at a time, handing each result to the reporters
// in final order.
RunOutcome run_cases(const RunPlan& plan, const RunEngines& engines, const RunInputs& inputs,
                     CheckedCases& checked, ReporterSet& reporters, Clock::time_point started) {
  const RunOptions& options = plan.options;
  RunOutcome outcome;
  Summary& summary = outcome.summary;
  summary.load_errors = checked.corpus->errors().size();
  const bool keep_every_fact = whole_run_matters(options);
  const std::vector<const EngineInfo*> infos = engines.infos();
  const std::size_t total = plan.cases.taken_of(checked.matching) * infos.size();
  JobFeed feed(
      *checked.corpus, CaseSelection(plan.cases), infos,
      PlanSettings{std::chrono::milliseconds(options.timeout_ms), options.strict_rejections});
  if (keep_every_fact) outcome.facts.reserve(total);

  reporters.begin(run_info(plan, engines, checked));
  SchedulerCallbacks callbacks;
  std::atomic<std::size_t> unexpected_failures{0};
  callbacks.on_result = [&](Result&& result) {
    if (inputs.expectations) mark_known_failure(result, *inputs.expectations);
    if (is_failure(result.status) && !result.known_failure) ++unexpected_failures;
    summary.add(result);
    reporters.add(result);
    // Only expectations and a baseline look at passes and skips: a plain run keeps its failures.
    if (keep_every_fact || is_failure(result.status)) {
      outcome.facts.push_back(ResultFact::of(result));
    }
  };
  callbacks.on_progress = [&](std::size_t done, std::size_t all, const Result& latest) {
    reporters.progress(done, all, latest);
  };
  if (options.maxfail != 0) {
    callbacks.should_stop = [&] { return unexpected_failures >= options.maxfail; };
  }
  try {
    run_jobs([&] { return feed.next(); }, total, engines.engines(), plan.workers, callbacks);
  } catch (const std::runtime_error& error) {  // the cases' copy cannot be read back
    say(error.what());
    outcome.runner_failed = true;
  }
  if (options.maxfail != 0 && unexpected_failures >= options.maxfail &&
      summary.overall().total() < total) {
    summary.stopped_by = "--maxfail " + std::to_string(options.maxfail);
  }
  summary.complete = !interrupted() && !outcome.runner_failed && !outcome.stopped_at_maxfail();
  if (engines.lowerer) summary.lowering = engines.lowerer->counts();
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return outcome;
}

// Writes --update-expectations' file after a whole run; returns the exit status it calls for.
ExitStatus update_expectations(const RunOptions& options, const RunInputs& inputs,
                               const RunOutcome& outcome, const GateInputs& gate) {
  const std::string& path = options.update_expectations_path;
  if (path.empty()) return ExitStatus::kOk;
  if (!outcome.summary.complete) {
    say(std::string("the run ") +
        (outcome.runner_failed          ? "did not finish"
         : outcome.stopped_at_maxfail() ? "stopped at --maxfail"
                                        : "was interrupted") +
        ": " + path + " is left as it was");
    return ExitStatus::kOk;
  }
  Expectations updated = updated_expectations(inputs.previous_expectations, outcome.facts,
                                              gate.engines, gate.existing_ids);
  try {
    write_file_atomically(path, expectations_text(updated));
  } catch (const ReportWriteError& error) {  // the reports are still written
    say(error.what());
    return ExitStatus::kReportNotWritten;
  }
  return ExitStatus::kOk;
}

// Ends the reporters and chooses the exit status: a report not written, then an interrupt, then
// bad input, then the gate.
ExitStatus end_run(ReporterSet& reporters, const RunOutcome& outcome, ExitStatus status) {
  for (const std::string& failure : reporters.end(outcome.summary)) {
    say(failure);
    status = ExitStatus::kReportNotWritten;
  }
  if (outcome.runner_failed) return ExitStatus::kRunnerFailed;
  if (!outcome.summary.complete && !outcome.stopped_at_maxfail()) {
    return exit_interrupted(interrupt_signal());
  }
  if (status != ExitStatus::kOk) return status;
  if (outcome.summary.load_errors != 0) return ExitStatus::kBadInput;
  return outcome.summary.gate.passed() ? ExitStatus::kOk : ExitStatus::kFailures;
}

ExitStatus run(const RunOptions& command_line) {
  const Clock::time_point started = Clock::now();
  prepare_process();
  const RunPlan plan = plan_run(command_line);
  const RunOptions& options = plan.options;
  check_outputs_writable(options);
  RunInputs inputs = read_run_inputs(options);
  RunEngines engines = start_engines(plan);
  CheckedCases checked = check_cases(plan, inputs);
  const auto baseline = scoped_baseline(plan, inputs, checked);
  const GateInputs gate = gate_inputs(plan, inputs, engines, checked, baseline);
  ReporterSet reporters(first_report_folder(options.reports));
  add_run_reporters(reporters, plan, engines);
  RunOutcome outcome = run_cases(plan, engines, inputs, checked, reporters, started);
  outcome.summary.gate = evaluate_gate(outcome.facts, gate);
  ExitStatus status = update_expectations(options, inputs, outcome, gate);
  std::vector<ResultFact>().swap(outcome.facts);  // before the reports read the results back
  return end_run(reporters, outcome, status);
}

// A JSON report for the store when the run writes none: removed with it.
struct TemporaryReport {
  std::string path;
  std::string make() {
    const char* tmp = std::getenv("TMPDIR");
    path = std::string(tmp && *tmp ? tmp : "/tmp") + "/settle-store-XXXXXX";
    int fd = mkstemp(path.data());
    if (fd >= 0) close(fd);
    return path;
  }
  ~TemporaryReport() {
    if (!path.empty()) std::filesystem::remove(path);
  }
};

// The commit of a test262 checkout, or "".
std::string test262_commit(const std::optional<std::string>& root) {
  if (!root || root->find('\'') != std::string::npos) return "";
  FILE* pipe = popen(("git -C '" + *root + "' rev-parse HEAD 2>/dev/null").c_str(), "r");
  if (!pipe) return "";
  char line[64] = {0};
  std::string commit = std::fgets(line, sizeof line, pipe) ? line : "";
  pclose(pipe);
  while (!commit.empty() && std::isspace(static_cast<unsigned char>(commit.back())))
    commit.pop_back();
  return commit;
}

}  // namespace

ExitStatus run_command(const RunOptions& options) {
  std::string store_path = store_path_of(options.store);
  if (store_path.empty()) return run(options);
  // A store that cannot be used stops the run before anything runs.
  std::unique_ptr<ResultsStore> store;
  try {
    store = std::make_unique<ResultsStore>(store_path);
  } catch (const StoreError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  RunOptions recorded = options;
  TemporaryReport temporary;
  std::string& json = recorded.reports["json"];
  if (json.empty()) json = temporary.make();
  ExitStatus status = run(recorded);
  if (!std::filesystem::exists(json)) return status;
  try {
    LoadedReport report = read_report(json);
    long long id = store->record(report, test262_commit(options.test262_root));
    say("recorded as run " + std::to_string(id) + " in " + store_path);
  } catch (const std::exception& error) {
    say(error.what());
    return status == ExitStatus::kOk ? ExitStatus::kReportNotWritten : status;
  }
  return status;
}

void add_run_command(CLI::App& app, ExitStatus* exit_status) {
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
  add_store_option(*command, options->store);
  command->add_option("--repro-dir", options->repro_dir,
                      "Write a repro script of each unexpected failure here, for the engine's own "
                      "shell (as settle repro writes one)");
  command->add_option("--expectations", options->expectations_path,
                      "Known failures per engine (JSON): they do not fail the gate");
  command->add_option("--update-expectations", options->update_expectations_path,
                      "Write the known failures of this run to this expectations file");
  command->add_flag("--strict-expectations", options->strict_expectations,
                    "Unexpected passes and entries for missing cases fail the gate too");
  command->add_flag("--strict-rejections", options->strict_rejections,
                    "Check \"unhandled\": [] on every case that says nothing of rejections: "
                    "lists what each engine leaves unhandled (docs/design.md)");
  command->add_option("--baseline", options->baseline_path,
                      "An earlier --json report: regressions fail the gate, fixes are listed");
  add_shard_option(*command, &options->shard,
                   "Run the I-th of N deterministic slices of the cases (I/N, from 1)");
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
  command
      ->add_option("--lower", options->lower,
                   "Lower test262 code and harness files to ES5 with Babel before every engine "
                   "runs them (es5), or never (none); default: each profile's \"lower\". Only "
                   "syntax without job semantics is lowered, never async functions or generators")
      ->check(CLI::IsMember({"es5", "none"}));
  command
      ->add_option("--maxfail", options->maxfail,
                   "Stop after N unexpected failures (failures --expectations does not list): "
                   "the jobs running finish, no other starts, and the reports say the run is "
                   "not complete")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}));
  command->add_flag(
      "-x,--exitfirst", [options](std::int64_t) { options->maxfail = 1; },
      "Stop at the first unexpected failure (--maxfail 1)");
  command->add_flag("-q,--quiet", options->quiet, "Print only the final line");
  command->add_flag("--strict-input", options->strict_input,
                    "Stop before running anything when a case file does not load");
  command
      ->add_option("--slowest", options->slowest,
                   "At the end, list the N slowest case-runs with their engine and duration")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}));
  command->callback([options, exit_status] { *exit_status = run_command(*options); });
}

}  // namespace settle::cli
