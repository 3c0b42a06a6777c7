#include <csignal>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/usage_error.h"
#include "engines/duktape/duktape_worker.h"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // an engine process that dies must not take settle with it
  if (argc == 2 && std::string(argv[1]) == settle::kDuktapeWorkerArgument) {
    return settle::run_duktape_worker(std::cin, std::cout);
  }
  CLI::App app{"A conformance runner for ECMAScript Promise semantics", "settle"};
  app.set_version_flag("--version", std::string("settle ") + SETTLE_VERSION);
  app.require_subcommand(1);
  settle::cli::ExitStatus exit_status = settle::cli::ExitStatus::kOk;
  settle::cli::add_run_command(app, &exit_status);
  settle::cli::add_list_command(app, &exit_status);
  settle::cli::add_engines_command(app, &exit_status);
  settle::cli::add_diff_command(app, &exit_status);
  settle::cli::add_merge_command(app, &exit_status);
  settle::cli::add_repro_command(app, &exit_status);
  settle::cli::add_versions_command(app, &exit_status);
  settle::cli::add_bisect_command(app, &exit_status);
  settle::cli::add_history_command(app, &exit_status);
  settle::cli::add_explore_command(app, &exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
    std::cerr << settle::cli::usage_error_text(app, error);
    return settle::cli::exit_code(settle::cli::ExitStatus::kBadInput);
  } catch (const settle::cli::CliError& error) {
    settle::cli::say(error.what());
    return settle::cli::exit_code(error.status());
  }
  return settle::cli::exit_code(exit_status);
}
