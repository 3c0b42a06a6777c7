// `settle explore`: generated promise programs, run as cases on the chosen engines through the
// runner's scheduler, judged against an oracle (engine262, or the majority); each confirmed
// disagreement is reduced by delta debugging and, when its signature is new, written as a case.
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/run_engines.h"
#include "cli/run_options.h"
#include "engines/engines_dir.h"
#include "engines/profile.h"
#include "engines/repro_script.h"
#include "reports/atomic_file.h"
#include "reports/result_json.h"
#include "runner/explore/explore_generator.h"
#include "runner/explore/explore_program.h"
#include "runner/explore/explore_reducer.h"
#include "runner/explore/explore_verdict.h"
#include "runner/model/value_json.h"
#include "runner/run/interrupt.h"
#include "runner/run/job_feed.h"
#include "runner/run/plan.h"
#include "runner/run/scheduler.h"

namespace settle::cli {
namespace {

using Clock = std::chrono::steady_clock;
using Observations = std::map<std::string, Observation>;  // by engine

struct ExploreOptions {
  std::vector<std::string> engines;
  std::string oracle = "engine262";
  std::string time;
  std::size_t programs = 0;
  std::uint64_t seed = 1;
  unsigned jobs = 1;
  std::string out = "explore-findings";
  std::string json;
  std::string engines_dir;
  int timeout_ms = 5000;
  bool quiet = false;
};

// "90", "90s", "5m", "1h": seconds.
std::optional<double> parse_duration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::size_t used = 0;
  double amount = 0;
  try {
    amount = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const std::string unit = text.substr(used);
  if (unit.empty() || unit == "s") return amount;
  if (unit == "m") return amount * 60;
  if (unit == "h") return amount * 3600;
  return std::nullopt;
}

struct Finding {
  std::uint64_t program = 0;
  Signature signature;
  std::string shape;
  std::string file;
  std::size_t lines = 0;
};

class Explorer {
 public:
  Explorer(const ExploreOptions& options, const RunPlan& plan, RunEngines& engines)
      : options_(options), plan_(plan), engines_(engines) {
    for (const EngineInfo* info : engines_.infos()) names_.push_back(info->name);
    for (const char* feature :
         {"class", "async-functions", "async-iteration", "promise-try", "promise-with-resolvers"}) {
      bool everywhere = true;
      for (const EngineInfo* info : engines_.infos()) everywhere &= !info->lacks(feature);
      if (everywhere) features_.insert(feature);
    }
  }

  ExitStatus run() {
    budget_ = parse_duration(options_.time);
    const std::optional<double>& budget = budget_;
    const std::size_t batch = std::max<std::size_t>(8, 4 * plan_.workers);
    std::filesystem::create_directories(options_.out);
    started_ = Clock::now();
    std::uint64_t next = 0;
    while (!interrupted()) {
      if (options_.programs && next >= options_.programs) break;
      if (budget && seconds() >= *budget) break;
      if (!options_.programs && !budget && next >= 100) break;  // neither given: 100 programs
      std::vector<std::uint64_t> numbers;
      for (std::size_t i = 0; i < batch; ++i) {
        if (options_.programs && next >= options_.programs) break;
        numbers.push_back(next++);
      }
      std::vector<Program> programs;
      for (std::uint64_t number : numbers)
        programs.push_back(generate_program(options_.seed, number, features_));
      const Clock::time_point batch_start = Clock::now();
      std::vector<Observations> observed = run_programs(programs, names_);
      running_seconds_ += std::chrono::duration<double>(Clock::now() - batch_start).count();
      for (std::size_t i = 0; i < programs.size() && !interrupted(); ++i) {
        ++programs_run_;
        examine(numbers[i], programs[i], observed[i]);
      }
      progress();
    }
    if (!options_.quiet && isatty(STDERR_FILENO)) std::cerr << "\n";
    write_report();
    std::cout << "explore: " << programs_run_ << " programs in " << seconds() << " s, "
              << disagreements_ << " disagreements, " << confirmed_ << " confirmed, " << reduced_
              << " reduced, " << findings_.size() << " new (" << options_.out << ")\n";
    return interrupted() ? exit_interrupted(interrupt_signal()) : ExitStatus::kOk;
  }

 private:
  double seconds() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }

  Case case_of(const Program& program, const std::string& id) const {
    Case test;
    test.id = "explore/" + id;
    test.local_id = id;
    test.file = "explore";
    std::string code;
    for (const std::string& line : render(program)) code += line + "\n";
    test.code = code;
    const std::set<std::string> features = program_features(program);
    test.features.assign(features.begin(), features.end());
    test.expect.value = value_of({{"$any", true}});
    return test;
  }

  // Each program on the named engines, through the scheduler: one batch of cases.
  std::vector<Observations> run_programs(const std::vector<Program>& programs,
                                         const std::vector<std::string>& on) {
    auto batch = std::make_unique<JobBatch>();
    batch->cases.reserve(programs.size());
    for (std::size_t i = 0; i < programs.size(); ++i) {
      char id[32];
      std::snprintf(id, sizeof id, "p%06zu", i);
      batch->cases.push_back(case_of(programs[i], id));
    }
    std::vector<const Case*> cases;
    for (const Case& test : batch->cases) cases.push_back(&test);
    std::vector<const EngineFactory*> factories;
    std::vector<const EngineInfo*> infos;
    for (const EngineFactory* factory : engines_.engines()) {
      if (std::find(on.begin(), on.end(), factory->info().name) == on.end()) continue;
      factories.push_back(factory);
      infos.push_back(&factory->info());
    }
    batch->jobs =
        plan_jobs(cases, infos, PlanSettings{std::chrono::milliseconds(options_.timeout_ms)});
    std::map<const Case*, std::size_t> index;
    for (std::size_t i = 0; i < cases.size(); ++i) index[cases[i]] = i;
    std::vector<Observations> observed(programs.size());
    const std::size_t total = batch->jobs.size();
    SchedulerCallbacks callbacks;
    callbacks.on_result = [&](Result&& result) {
      if (result.status == Status::kSkip) return;
      engine_ms_[result.engine] += result.duration_ms;
      observed[index.at(result.test)][result.engine] = std::move(result.observed);
    };
    callbacks.on_progress = [](std::size_t, std::size_t, const Result&) {};
    std::shared_ptr<JobBatch> pending(batch.release());
    bool given = false;
    run_jobs(
        [&]() -> std::unique_ptr<JobBatch> {
          if (given) return nullptr;
          given = true;
          return std::make_unique<JobBatch>(std::move(*pending));
        },
        total, factories, plan_.workers, callbacks, pool_);
    return observed;
  }

  // The oracle's observation of one program, when it has a comparable one.
  std::optional<Observation> oracle_of(const Observations& observed) const {
    if (options_.oracle == "majority") return majority_observation(observed);
    auto found = observed.find(options_.oracle);
    if (found == observed.end() || !comparable(found->second)) return std::nullopt;
    return found->second;
  }

  Signature signature_against_oracle(const Observations& observed) const {
    std::optional<Observation> oracle = oracle_of(observed);
    if (!oracle) return {};
    Observations others = observed;
    if (options_.oracle != "majority") others.erase(options_.oracle);
    return signature_of(others, *oracle);
  }

  void examine(std::uint64_t number, const Program& program, const Observations& observed) {
    const Signature signature = signature_against_oracle(observed);
    if (signature.empty()) return;
    ++disagreements_;
    // Confirm: the same observations again on every engine that took part.
    std::vector<Observations> again = run_programs({program}, names_);
    for (const auto& [engine, observation] : observed) {
      auto other = again[0].find(engine);
      if (other == again[0].end() || !differing_part(observation, other->second).empty() ||
          observation.uncaught != other->second.uncaught) {
        ++flaky_;
        return;
      }
    }
    ++confirmed_;
    std::vector<std::string> involved;
    if (options_.oracle == "majority") {
      involved = names_;
    } else {
      involved.push_back(options_.oracle);
      for (const auto& entry : signature) involved.push_back(entry.first);
    }
    const Program reduced = reduce_keeping(program, signature, involved, "");
    ++reduced_;
    if (!index_.has(signature, program_shape(reduced))) {
      write_if_new(number, reduced);
    } else {
      reduce_keeping_each_dropped_part(number, program, reduced, signature, involved);
    }
    reduce_each_differing_part_alone(number, program, signature, involved);
  }

  // Reduced to the smallest program that keeps the signature, an engine that deviates in several
  // ways shows the one that needs the fewest steps, again and again. The program is reduced again
  // keeping each part of its shape that the first reduction dropped (its finally, its timer, ...),
  // for a deviation behind that part.
  void reduce_keeping_each_dropped_part(std::uint64_t number, const Program& program,
                                        const Program& reduced, const Signature& signature,
                                        const std::vector<std::string>& involved) {
    const std::set<std::string> reduced_parts = program_parts(reduced);
    for (const std::string& kept : program_parts(program)) {
      if (reduced_parts.count(kept)) continue;
      const Program again = reduce_keeping(program, signature, involved, kept);
      if (index_.has(signature, program_shape(again))) continue;
      // A part that only came along (the deviation holds without it) is the first reduction's
      // deviation again, in another shape: not a finding of its own.
      if (!needs_part(again, kept, keeps_signature(signature, involved, ""))) continue;
      if (write_if_new(number, again)) return;
    }
  }

  // An engine that differs in several parts of one observation (outcome+log) may show two
  // deviations of different steps at once: bluebird's allSettled records as the outcome, and its
  // early finally in the log. Each part is reduced alone too, into a finding of one deviation.
  void reduce_each_differing_part_alone(std::uint64_t number, const Program& program,
                                        const Signature& signature,
                                        const std::vector<std::string>& involved) {
    if (signature.size() != 1) return;
    const auto& [engine, part] = *signature.begin();
    const std::vector<std::string> parts = single_parts(part);
    if (parts.size() < 2) return;
    for (const std::string& alone : parts) {
      const Signature one = {{engine, alone}};
      const Program reduced = reduce_keeping(program, one, involved, "");
      if (!index_.has(one, program_shape(reduced))) write_if_new(number, reduced, &one);
    }
  }

  // The program reduced while it keeps the signature, and a step of shape part `kept` if any.
  Program reduce_keeping(const Program& program, const Signature& signature,
                         const std::vector<std::string>& involved, const std::string& kept) {
    return reduce_program(program, keeps_signature(signature, involved, kept));
  }

  // Whether candidates still show the signature on the involved engines (and have a step of
  // shape part `kept`, if given).
  StillFails keeps_signature(const Signature& signature, const std::vector<std::string>& involved,
                             const std::string& kept) {
    return [this, signature, involved, kept](const std::vector<Program>& candidates) {
      std::vector<bool> fails(candidates.size(), false);
      // Past the budget (or interrupted) the reduction stops where it is.
      if (interrupted() || (budget_ && seconds() >= *budget_)) return fails;
      std::vector<Program> runnable;
      std::vector<std::size_t> at;
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!kept.empty() && !program_parts(candidates[i]).count(kept)) continue;
        runnable.push_back(candidates[i]);
        at.push_back(i);
      }
      if (runnable.empty()) return fails;
      std::vector<Observations> seen = run_programs(runnable, involved);
      for (std::size_t i = 0; i < seen.size(); ++i)
        fails[at[i]] = signature_against_oracle(seen[i]) == signature;
      return fails;
    };
  }

  // Writes the finding when its signature on every engine and its shape are new (and the
  // signature is `expected`, if given).
  bool write_if_new(std::uint64_t number, const Program& reduced,
                    const Signature* expected = nullptr) {
    const std::string shape = program_shape(reduced);
    // The finding names every engine that differs on the reduced program, not only those that
    // were reduced against.
    Observations final_observed = run_programs({reduced}, names_)[0];
    const Signature final_signature = signature_against_oracle(final_observed);
    std::optional<Observation> oracle = oracle_of(final_observed);
    if (final_signature.empty() || !oracle) return false;
    if (expected && final_signature != *expected) return false;
    if (index_.has(final_signature, shape)) return false;
    // Its case must fail where it says and pass elsewhere, as `settle run` will judge it.
    const Expectation expect = finding_expectation(*oracle, about_rejections(final_signature));
    if (!finding_holds(expect, final_observed, final_signature)) {
      ++unstateable_;
      say("program " + std::to_string(number) + ": " + signature_text(final_signature) +
          " is a difference that a case cannot state; not written");
      return false;
    }
    index_.add(final_signature, shape);
    write_finding(number, reduced, final_observed, *oracle, final_signature, shape, expect);
    return true;
  }

  static bool about_rejections(const Signature& signature) {
    for (const auto& entry : signature)
      if (entry.second.find("rejections") != std::string::npos) return true;
    return false;
  }

  // The outcome and log, and the rejection events when the finding is about them.
  static std::string described(const Observation& observation, bool with_rejections) {
    std::string words = std::string(outcome_name(*observation.state())) + " " +
                        json_of(observation.value()).dump() + ", log " +
                        json_of(observation.log).dump();
    if (with_rejections && observation.rejections) {
      words += ", rejections " + json_of(*observation.rejections).dump();
    }
    return words;
  }

  void write_finding(std::uint64_t number, const Program& program, const Observations& observed,
                     const Observation& oracle, const Signature& signature,
                     const std::string& shape, const Expectation& expect) {
    std::string engines;
    for (const auto& entry : signature) engines += (engines.empty() ? "" : "-") + entry.first;
    std::string id = shape + "-" + engines;
    for (char& c : id) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
    }
    // Two findings of one shape and engines differ in their parts: each keeps its own file.
    const std::string base = id;
    for (int n = 2; !ids_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    const bool with_rejections = about_rejections(signature);
    std::string description = "Found by settle explore --seed " + std::to_string(options_.seed) +
                              ", program " + std::to_string(number) + " (oracle " +
                              options_.oracle +
                              "), reduced. Expected: " + described(oracle, with_rejections) + ".";
    for (const auto& [engine, part] : signature) {
      description += " " + engine + " differs in the " + part_words(part) + ": " +
                     described(observed.at(engine), with_rejections) + ".";
    }
    const std::vector<std::string> lines = render(program);
    nlohmann::json test = {{"id", id}, {"description", description}, {"code", lines}};
    std::set<std::string> features = program_features(program);
    if (with_rejections) features.insert("host-rejection-tracking");
    if (!features.empty()) test["features"] = features;
    test["expect"] = expected_json(expect);  // the report's notation is the case format's
    nlohmann::json file = {{"suite", "settle explore findings"},
                           {"cases", nlohmann::json::array({test})}};
    const std::string path = options_.out + "/" + id + ".json";
    write_file_atomically(path, file.dump(2) + "\n");

    Case as_case = case_of(program, id);
    as_case.file = path;
    for (const auto& entry : signature) {
      try {
        const EngineProfile& profile = profile_named(entry.first);
        const std::string script_path = options_.out + "/" + id + "." + entry.first + ".repro.js";
        ReproScript script = make_repro_script(profile, profile_preludes(profile), as_case,
                                               script_path, {"expected: " + test["expect"].dump()});
        write_file_atomically(script_path, script.text);
      } catch (const std::exception& error) {
        say("no repro script for " + entry.first + ": " + error.what());
      }
    }
    Finding finding;
    finding.program = number;
    finding.signature = signature;
    finding.shape = shape;
    finding.file = path;
    finding.lines = lines.size();
    findings_.push_back(finding);
    finding_seconds_.push_back(seconds());
  }

  // The profile of an engine by its name, also when it was chosen by its profile file.
  const EngineProfile& profile_named(const std::string& name) const {
    for (const EngineProfile& profile : plan_.profiles) {
      if (profile.name == name) return profile;
    }
    throw ProfileError("no engine of this run is named " + name);
  }

  void progress() const {
    if (options_.quiet || !isatty(STDERR_FILENO)) return;
    const double elapsed = seconds();
    std::fprintf(stderr,
                 "\rexplore: %zu programs (%.1f/s), %zu disagreements, %zu confirmed, %zu new ",
                 programs_run_, elapsed > 0 ? programs_run_ / elapsed : 0.0, disagreements_,
                 confirmed_, findings_.size());
    std::fflush(stderr);
  }

  void write_report() const {
    const double elapsed = seconds();
    nlohmann::json report = {
        {"format", "settle-explore/1"},
        {"seed", options_.seed},
        {"oracle", options_.oracle},
        {"engines", names_},
        {"features", features_},
        {"seconds", elapsed},
        {"programs_run", programs_run_},
        {"programs_per_second", elapsed > 0 ? programs_run_ / elapsed : 0.0},
        // Running the generated programs only, without confirming and reducing disagreements.
        {"running_seconds", running_seconds_},
        {"programs_per_running_second",
         running_seconds_ > 0 ? programs_run_ / running_seconds_ : 0.0},
        {"disagreements", disagreements_},
        {"confirmed", confirmed_},
        {"flaky", flaky_},
        {"reduced", reduced_},
        {"not_stateable", unstateable_},
        {"new", findings_.size()},
        {"complete", !interrupted()},
    };
    nlohmann::json per_engine = nlohmann::json::object();
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      const Finding& finding = findings_[i];
      for (const auto& [engine, part] : finding.signature)
        per_engine[engine].push_back(part + " " + finding.shape);
      list.push_back({{"program", finding.program},
                      {"signature", signature_text(finding.signature)},
                      {"shape", finding.shape},
                      {"file", finding.file},
                      {"lines", finding.lines},
                      {"found_after_seconds", finding_seconds_[i]}});
    }
    report["signatures"] = per_engine;
    // Time each engine spent running programs (all workers together): the largest is the bound.
    nlohmann::json busy = nlohmann::json::object();
    std::string slowest;
    for (const auto& [engine, ms] : engine_ms_) {
      busy[engine] = ms / 1000.0;
      if (slowest.empty() || ms > engine_ms_.at(slowest)) slowest = engine;
    }
    report["engine_seconds"] = busy;
    report["slowest_engine"] = slowest;
    report["findings"] = list;
    const std::string path = options_.json.empty() ? options_.out + "/report.json" : options_.json;
    write_file_atomically(path, report.dump(2) + "\n");
  }

  const ExploreOptions& options_;
  const RunPlan& plan_;
  RunEngines& engines_;
  std::vector<std::string> names_;
  std::set<std::string> features_;
  Clock::time_point started_;
  std::optional<double> budget_;
  std::size_t programs_run_ = 0, disagreements_ = 0, confirmed_ = 0, flaky_ = 0, reduced_ = 0,
              unstateable_ = 0;
  FindingIndex index_;
  // Engines stay alive across batches and reduction steps: each worker's instance of each engine
  // is started once for the whole exploration.
  EnginePool pool_;
  std::map<std::string, double> engine_ms_;
  double running_seconds_ = 0;
  std::set<std::string> ids_;  // of the findings written
  std::vector<Finding> findings_;
  std::vector<double> finding_seconds_;
};

ExitStatus explore(const ExploreOptions& options) {
  if (options.oracle != "majority" && options.oracle != "engine262") {
    throw CliError(ExitStatus::kBadInput,
                   "--oracle is engine262 or majority, not \"" + options.oracle + "\"");
  }
  if (!options.time.empty() && !parse_duration(options.time)) {
    throw CliError(ExitStatus::kBadInput,
                   "--time takes a duration such as 90s, 5m or 1h, not \"" + options.time + "\"");
  }
  install_interrupt_handlers();
  RunOptions run;
  run.engines_dir = options.engines_dir;
  run.engines =
      options.engines.empty() ? std::vector<std::string>{"node-current"} : options.engines;
  if (options.oracle == "engine262" &&
      std::find(run.engines.begin(), run.engines.end(), "engine262") == run.engines.end())
    run.engines.push_back("engine262");
  run.jobs = options.jobs;
  run.timeout_ms = options.timeout_ms;
  try {
    const RunPlan plan = plan_run(run);
    if (options.oracle == "majority" && plan.engine_names.size() < 3) {
      throw CliError(ExitStatus::kBadInput, "--oracle majority needs at least three engines");
    }
    RunEngines engines = start_engines(plan);
    Explorer explorer(options, plan, engines);
    return explorer.run();
  } catch (const ReportWriteError& error) {
    throw CliError(ExitStatus::kReportNotWritten, error);
  }
}

}  // namespace

void add_explore_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<ExploreOptions>();
  CLI::App* command = app.add_subcommand(
      "explore",
      "Generate promise programs, run them on the engines, and reduce each confirmed "
      "disagreement with the oracle to a case file");
  command->add_option("-e,--engine", options->engines, "Engine or profile file; repeatable");
  command->add_option("--oracle", options->oracle, "engine262 (default) or majority");
  command->add_option("--time", options->time, "Explore for this long (90s, 5m, 1h)");
  command->add_option("--programs", options->programs, "Explore this many programs");
  command->add_option("--seed", options->seed, "The generator's seed (default 1)");
  command->add_option("-j,--jobs", options->jobs, "Workers (default 1)")
      ->check(CLI::PositiveNumber);
  command->add_option("--out", options->out, "Folder for the findings (default explore-findings)");
  command->add_option("--json", options->json, "The JSON report (default OUT/report.json)");
  command->add_option("--engines-dir", options->engines_dir, kEnginesDirHelp);
  command->add_option("--timeout", options->timeout_ms, "Per-program timeout in milliseconds");
  command->add_flag("-q,--quiet", options->quiet, "No progress line");
  command->callback([options, exit_status] { *exit_status = explore(*options); });
}

}  // namespace settle::cli
