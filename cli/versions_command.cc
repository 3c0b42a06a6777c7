// `settle versions`: the cases on every version of an engine in a range (or of several engines,
// each in its range), as one compatibility table (runner/gate/version_table.h).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/run_options.h"
#include "cli/store_option.h"
#include "cli/version_sweep.h"
#include "engines/engine_versions.h"
#include "engines/engines_dir.h"
#include "reports/atomic_file.h"
#include "reports/version_table_report.h"
#include "runner/gate/report_reader.h"

namespace settle::cli {
namespace {

struct VersionsOptions {
  std::vector<std::string> paths;
  std::vector<std::string> engines;  // each -e NAME@A..B: a range, its own group of columns
  std::string each = "minor";
  bool no_install = false;
  bool installed_only = false;  // --installed
  std::string store;
  unsigned jobs = 0;
  int timeout_ms = 5000;
  std::vector<std::string> filters;
  std::string json_path, markdown_path, html_path, run_report_path;
  std::string engines_dir;
  std::vector<std::string> preludes;
};

std::string command_line(const VersionsOptions& options) {
  std::string text = "settle versions";
  for (const auto& path : options.paths) text += " " + path;
  for (const auto& engine : options.engines) text += " -e " + engine;
  text += " --each " + options.each;
  for (const auto& filter : options.filters) text += " --filter '" + filter + "'";
  return text;
}

// A file of the sweep's run report, removed with it unless --run-report keeps it.
struct RunReportFile {
  std::string path;
  bool keep = false;
  ~RunReportFile() {
    if (!keep && !path.empty()) std::filesystem::remove(path);
  }
};

ExitStatus versions(const VersionsOptions& options) {
  const EnginesDir engines_dir = resolve_engines_dir(options.engines_dir);
  std::vector<VersionSweep> sweeps;
  std::string engine_names;  // "node", "node and bun"
  try {
    // Checked before any range is resolved, so the mistake is named whatever is installed.
    std::set<std::string> bases;
    for (const std::string& spec : options.engines) {
      auto name = split_versioned_name(spec);
      if (name && !bases.insert(name->base).second) {
        throw ProfileError("-e " + spec + ": " + name->base +
                           " has a range already; give one range per engine");
      }
    }
    for (const std::string& spec : options.engines) {
      VersionSweep sweep = resolve_sweep(spec, engines_dir, options.each, options.installed_only);
      engine_names += (sweeps.empty() ? "" : " and ") + sweep.base_name;
      sweeps.push_back(std::move(sweep));
    }
  } catch (const std::exception& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  std::vector<std::string> engines;
  for (const VersionSweep& sweep : sweeps) {
    say(sweep.base_name + ": " + std::to_string(sweep.versions.size()) + " version" +
        (sweep.versions.size() == 1 ? "" : "s") + " (" + sweep.versions.front() + " to " +
        sweep.versions.back() + ", the newest of each " + options.each + ")");
    install_missing_versions(sweep, !options.no_install);
    engines.insert(engines.end(), sweep.engines.begin(), sweep.engines.end());
  }

  RunReportFile report;
  if (!options.run_report_path.empty()) {
    report.path = options.run_report_path;
    report.keep = true;
  } else {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/settle-versions-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd < 0) {
      throw CliError(ExitStatus::kReportNotWritten, "cannot make a temporary file in " + pattern);
    }
    close(fd);
    report.path = pattern;
  }
  RunOptions run;
  run.paths = options.paths;
  run.engines = engines;
  run.preludes = options.preludes;
  run.reports["json"] = report.path;
  run.jobs = options.jobs;
  run.timeout_ms = options.timeout_ms;
  run.filters = options.filters;
  run.quiet = true;
  run.engines_dir = options.engines_dir;
  run.store = options.store;
  ExitStatus status = [&] {
    StdoutToStderr quiet;
    return run_command(run);
  }();
  if (status != ExitStatus::kOk && status != ExitStatus::kFailures) {
    if (status != ExitStatus::kBadInput) return status;
    say("some case files did not load; the table leaves them out");
  }
  LoadedReport loaded;
  try {
    loaded = read_report(report.path);
  } catch (const std::exception& error) {
    throw CliError(ExitStatus::kRunnerFailed, error);
  }
  std::vector<VersionTable::Column> columns;
  for (const VersionSweep& sweep : sweeps) {
    for (std::size_t i = 0; i < sweep.versions.size(); ++i) {
      VersionTable::Column column{sweep.engines[i], sweep.versions[i], sweep.engines[i],
                                  sweep.base_name};
      for (const EngineInfo& info : loaded.run.engines) {
        if (info.name == column.engine) column.exact = info.version;
      }
      columns.push_back(column);
    }
  }
  VersionTable table(columns);
  for (const Result& result : loaded.results)
    table.add(result.test->id, result.engine, result.status);
  VersionTableHeading heading{engine_names, SETTLE_VERSION, command_line(options), ""};
  for (const auto& path : options.paths) heading.paths += (heading.paths.empty() ? "" : " ") + path;
  std::string markdown = version_table_markdown(table, heading);
  try {
    if (!options.json_path.empty())
      write_file_atomically(options.json_path, version_table_json(table, heading));
    if (!options.markdown_path.empty()) write_file_atomically(options.markdown_path, markdown);
    if (!options.html_path.empty())
      write_file_atomically(options.html_path, version_table_html(table, heading));
  } catch (const ReportWriteError& error) {
    throw CliError(ExitStatus::kReportNotWritten, error);
  }
  // The areas' table on stdout: the Markdown page up to its cases.
  std::cout << markdown.substr(0, markdown.find("\n## Cases"));
  std::cout << "\n";
  return status == ExitStatus::kBadInput ? ExitStatus::kBadInput : ExitStatus::kOk;
}

}  // namespace

void add_versions_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<VersionsOptions>();
  CLI::App* command = app.add_subcommand(
      "versions",
      "Run cases on every version of an engine in a range: the first version that passes each "
      "case and area, and later regressions (a checked compatibility table)");
  command->add_option("paths", options->paths, "Case files or folders (default: cases/)");
  command
      ->add_option("-e,--engine", options->engines,
                   "NAME@A..B: the versions to sweep (node@6..26, bun@1.0..1.4, "
                   "node-current+core-js@3.0..3.50); repeatable, each range its own group of "
                   "columns (-e node@6..26 -e bun@1.0..1.4)")
      ->required();
  command
      ->add_option("--each", options->each,
                   "Which versions of the range: the newest of each major, minor (default) or "
                   "every patch")
      ->check(CLI::IsMember({"major", "minor", "patch"}));
  command->add_flag("--no-install", options->no_install,
                    "Do not install missing versions (by default this command installs them into "
                    "the engines folder, and says so)");
  add_store_option(*command, options->store);
  command->add_flag("--installed", options->installed_only,
                    "Only the versions installed in the engines folder: no registry, no install");
  command->add_option("--engines-dir", options->engines_dir, kEnginesDirHelp);
  command->add_option("--prelude", options->preludes, "Script loaded into every realm first")
      ->check(CLI::ExistingFile);
  command->add_option("--json", options->json_path, "Write the table as JSON (settle-versions/1)");
  command->add_option("--markdown", options->markdown_path, "Write the table as Markdown");
  command->add_option("--html", options->html_path,
                      "Write the table as HTML, laid out like MDN's compatibility tables");
  command->add_option("--run-report", options->run_report_path,
                      "Keep the sweep's run report (settle-report/1, every version an engine)");
  command->add_option("-j,--jobs", options->jobs, "Workers (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_option("--timeout", options->timeout_ms, "Per-case timeout in milliseconds")
      ->check(CLI::Range(1, 3'600'000));
  command->add_option("--filter", options->filters, "Glob on full case ids; repeatable");
  command->callback([options, exit_status] { *exit_status = versions(*options); });
}

}  // namespace settle::cli
