#include <iostream>
#include <memory>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/report_options.h"
#include "cli/store_option.h"
#include "reports/atomic_file.h"
#include "reports/diff_markdown.h"
#include "reports/diff_text.h"
#include "reports/history_report.h"
#include "runner/gate/baseline_diff.h"
#include "runner/gate/report_reader.h"

namespace settle::cli {
namespace {

struct DiffOptions {
  std::string before_path;
  std::string after_path;
  std::string markdown_path;
  std::string store;
};

bool is_run_id(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// settle diff RUN RUN --store FILE: two stored runs.
ExitStatus diff_stored(const DiffOptions& options, const std::string& path) {
  try {
    ResultsStore store(path);
    std::size_t regressions = 0;
    std::cout << stored_diff_text(store, std::stoll(options.before_path),
                                  std::stoll(options.after_path), &regressions);
    return regressions == 0 ? ExitStatus::kOk : ExitStatus::kFailures;
  } catch (const StoreError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
}

ExitStatus diff(const DiffOptions& options) {
  std::string store = store_path_of(options.store);
  if (!store.empty() && is_run_id(options.before_path) && is_run_id(options.after_path))
    return diff_stored(options, store);
  require_report_paths_writable({options.markdown_path});
  LoadedReport before, after;
  try {
    before = read_report(options.before_path);
    after = read_report(options.after_path);
  } catch (const InputError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  BaselineDiff changes = diff_results(facts_of(before.results), facts_of(after.results));
  std::cout << diff_text(changes, options.before_path, options.after_path);
  if (!options.markdown_path.empty()) {
    try {
      write_file_atomically(options.markdown_path,
                            diff_markdown(changes, options.before_path, options.after_path));
    } catch (const ReportWriteError& error) {
      throw CliError(ExitStatus::kReportNotWritten, error);
    }
  }
  return changes.regressions.empty() ? ExitStatus::kOk : ExitStatus::kFailures;
}

}  // namespace

void add_diff_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "Changed outcomes between two JSON reports, per engine; exit 1 on regressions");
  command
      ->add_option("old", options->before_path,
                   "The earlier report, the baseline; or a stored run id, with --store")
      ->required();
  command->add_option("new", options->after_path, "The later report")->required();
  add_store_option(*command, options->store);
  command->add_option("--markdown", options->markdown_path,
                      "Also write the changes as Markdown here (for a pull-request comment)");
  command->callback([options, exit_status] { *exit_status = diff(*options); });
}

}  // namespace settle::cli
