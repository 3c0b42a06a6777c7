#include <iostream>
#include <memory>

#include "reports/atomic_file.h"
#include "reports/console_reporter.h"
#include "reports/reporter_set.h"
#include "runner/cli/commands.h"
#include "runner/report_merge.h"

namespace settle::cli {
namespace {

struct MergeOptions {
  std::vector<std::string> inputs;
  std::string json_path;
  std::string junit_path;
  std::string markdown_path;
  std::string html_path;
};

int merge(const MergeOptions& options) {
  try {
    for (const auto& path :
         {options.json_path, options.junit_path, options.markdown_path, options.html_path}) {
      if (!path.empty()) check_writable(path);
    }
  } catch (const ReportWriteError& error) {
    std::cerr << "settle: " << error.what() << "\n";
    return kExitBadInput;
  }
  LoadedReport merged;
  try {
    std::vector<LoadedReport> parts;
    for (const std::string& path : options.inputs) parts.push_back(read_report(path));
    merged = merge_reports(std::move(parts));
  } catch (const std::runtime_error& error) {  // ReportReadError, MergeError
    std::cerr << "settle: " << error.what() << "\n";
    return kExitBadInput;
  }

  // The merged run is replayed through the same reporters a run feeds, so the files are what a
  // single run would have written.
  ReporterSet reporters;
  reporters.add_files(
      {options.json_path, options.junit_path, options.markdown_path, options.html_path});
  Summary summary = merged.summary();
  reporters.begin(merged.run);
  for (const Result& result : merged.results) reporters.add(result);
  int status = kExitOk;
  for (const std::string& failure : reporters.end(summary)) {
    std::cerr << "settle: " << failure << "\n";
    status = kExitNoEngine;
  }
  std::cout << "merged " << options.inputs.size() << " reports into " << options.json_path << "\n"
            << ConsoleReporter::final_line(summary) << "\n";
  return status;
}

}  // namespace

void add_merge_command(CLI::App& app, int* exit_status) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* command = app.add_subcommand(
      "merge", "Join JSON reports (the shards of a run) into the report one run would write");
  command->add_option("reports", options->inputs, "The JSON reports to join")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", options->json_path, "Write the joined JSON report here")
      ->required();
  command->add_option("--junit", options->junit_path, "Also write the joined JUnit XML report");
  command->add_option("--markdown", options->markdown_path, "Also write the Markdown report");
  command->add_option("--html", options->html_path, "Also write the HTML comparison page");
  command->callback([options, exit_status] { *exit_status = merge(*options); });
}

}  // namespace settle::cli
