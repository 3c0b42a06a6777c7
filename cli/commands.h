#pragma once

#include <CLI/CLI.hpp>

#include "cli/exit_status.h"

namespace settle::cli {

// Each adds its subcommand to the app; the subcommand's callback sets `*exit_status`, or throws
// CliError (cli/cli_error.h), which main() says.
void add_run_command(CLI::App& app, ExitStatus* exit_status);
void add_list_command(CLI::App& app, ExitStatus* exit_status);
void add_engines_command(CLI::App& app, ExitStatus* exit_status);
void add_diff_command(CLI::App& app, ExitStatus* exit_status);
void add_merge_command(CLI::App& app, ExitStatus* exit_status);
void add_repro_command(CLI::App& app, ExitStatus* exit_status);
void add_versions_command(CLI::App& app, ExitStatus* exit_status);
void add_bisect_command(CLI::App& app, ExitStatus* exit_status);
void add_history_command(CLI::App& app, ExitStatus* exit_status);
void add_explore_command(CLI::App& app, ExitStatus* exit_status);

}  // namespace settle::cli
