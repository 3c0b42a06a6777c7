#include <iostream>
#include <memory>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/report_options.h"
#include "reports/report_text.h"
#include "reports/reporter_set.h"
#include "runner/gate/report_merge.h"

namespace settle::cli {
namespace {

struct MergeOptions {
  std::vector<std::string> inputs;
  ReportPaths reports;  // by format name; the JSON report is -o
};

ExitStatus merge(const MergeOptions& options) {
  std::vector<NamedPath> read;
  for (const std::string& input : options.inputs) read.push_back({"the report", input});
  std::vector<NamedPath> written = named_paths_of(options.reports);
  for (NamedPath& output : written) {
    if (output.option == "--json") output.option = "-o";
  }
  std::string clash = report_path_clash(written, read);
  if (!clash.empty()) throw CliError(ExitStatus::kBadInput, clash);
  require_report_paths_writable(paths_of(options.reports));
  LoadedReport merged;
  try {
    std::vector<LoadedReport> parts;
    for (const std::string& path : options.inputs) parts.push_back(read_report(path));
    merged = merge_reports(std::move(parts));
  } catch (const InputError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  } catch (const MergeError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }

  // The merged run is replayed through the same reporters a run feeds, so the files are what a
  // single run would have written.
  ReporterSet reporters(first_report_folder(options.reports));
  reporters.add_files(options.reports);
  Summary summary = merged.summary();
  reporters.begin(merged.run);
  for (const Result& result : merged.results) reporters.add(result);
  ExitStatus status = ExitStatus::kOk;
  for (const std::string& failure : reporters.end(summary)) {
    say(failure);
    status = ExitStatus::kReportNotWritten;
  }
  std::cout << "merged " << options.inputs.size() << " reports into " << options.reports.at("json")
            << "\n"
            << final_line(summary) << "\n";
  return status;
}

}  // namespace

void add_merge_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* command = app.add_subcommand(
      "merge", "Join JSON reports (the shards of a run) into the report one run would write");
  command->add_option("reports", options->inputs, "The JSON reports to join")
      ->required()
      ->check(CLI::ExistingFile);
  add_report_options(*command, options->reports,
                     JsonReportOption{"-o,--output", "Write the joined JSON report here", true});
  command->callback([options, exit_status] { *exit_status = merge(*options); });
}

}  // namespace settle::cli
