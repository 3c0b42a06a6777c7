#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/report_formats.h"
#include "runner/run/shard.h"

namespace settle::cli {

// `settle run`'s command line.
struct RunOptions {
  std::vector<std::string> paths;
  std::vector<std::string> engines;
  std::vector<std::string> preludes;
  ReportPaths reports;  // by format name
  std::string expectations_path;
  std::string update_expectations_path;
  bool strict_expectations = false;
  bool strict_rejections = false;  // check "unhandled": [] on cases that say nothing of rejections
  std::string baseline_path;
  std::optional<Shard> shard;  // --shard I/N
  unsigned jobs = 0;
  int timeout_ms = 5000;
  std::vector<std::string> filters;
  std::optional<std::string> case_root;
  std::optional<std::string> test262_root;
  bool quiet = false;
  bool github = false;  // GitHub Actions annotations and job summary
  bool strict_input = false;
  std::size_t slowest = 0;
  std::size_t maxfail = 0;  // stop after this many unexpected failures; 0: never
  std::string engines_dir;
  std::string repro_dir;  // a repro script per unexpected failure
  std::string store;      // --store FILE: the results store the run is recorded in
  std::string lower;      // --lower es5|none: for every engine, over its profile's "lower"
};

// Runs as `settle run` does with these options, and records the run in the results store
// (options.store, else SETTLE_STORE) when there is one; its exit status. `settle versions` and
// `settle bisect` run through it.
ExitStatus run_command(const RunOptions& options);

}  // namespace settle::cli
