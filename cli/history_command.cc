// `settle history --store FILE [--case ID] [--html OUT]`: the runs a results store holds.
#include <iostream>
#include <memory>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/store_option.h"
#include "reports/atomic_file.h"
#include "reports/history_report.h"

namespace settle::cli {
namespace {

struct HistoryOptions {
  std::string store;
  std::string case_id;
  std::string html_path;
};

ExitStatus history(const HistoryOptions& options) {
  std::string path = store_path_of(options.store);
  if (path.empty()) {
    throw CliError(ExitStatus::kBadInput, "history needs a store: --store FILE or SETTLE_STORE");
  }
  try {
    ResultsStore store(path);
    if (!options.case_id.empty()) {
      std::cout << case_history_text(store, options.case_id);
    } else {
      std::cout << history_text(store);
    }
    if (!options.html_path.empty()) {
      write_file_atomically(options.html_path, history_html(store));
      say("wrote " + options.html_path);
    }
  } catch (const StoreError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  } catch (const ReportWriteError& error) {
    throw CliError(ExitStatus::kReportNotWritten, error);
  }
  return ExitStatus::kOk;
}

}  // namespace

void add_history_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* command = app.add_subcommand(
      "history",
      "The runs a results store holds: per engine, pass counts over the runs; per case, the runs "
      "where it changed; an HTML dashboard");
  add_store_option(*command, options->store);
  command->add_option("--case", options->case_id,
                      "One case's full id: only the runs where its status or observation changed");
  command->add_option("--html", options->html_path,
                      "Write a dashboard (trends, heatmap, interop score, changes) here");
  command->callback([options, exit_status] { *exit_status = history(*options); });
}

}  // namespace settle::cli
