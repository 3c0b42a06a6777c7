#pragma once

#include <CLI/CLI.hpp>

namespace settle::cli {

// Exit statuses (DESIGN.md, CLI).
constexpr int kExitOk = 0;
constexpr int kExitFailures = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitNoEngine = 3;

// Each adds its subcommand to the app; the subcommand's callback sets `*exit_status`.
void add_run_command(CLI::App& app, int* exit_status);
void add_list_command(CLI::App& app, int* exit_status);
void add_engines_command(CLI::App& app, int* exit_status);
void add_diff_command(CLI::App& app, int* exit_status);
void add_merge_command(CLI::App& app, int* exit_status);

}  // namespace settle::cli
