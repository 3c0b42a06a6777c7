#pragma once

#include <string>
#include <vector>

#include "cli/run_options.h"
#include "engines/engines_dir.h"
#include "engines/profile.h"
#include "runner/run/case_selection.h"

namespace settle::cli {

// `settle run`'s command line resolved once, before anything runs: each step of the run reads
// what it needs from here, by const reference, and nothing is parsed or read a second time.
struct RunPlan {
  RunOptions options;                     // the command line as given
  CaseFilter cases;                       // --filter and --shard: which cases the run takes
  EnginesDir engines_dir;                 // --engines-dir, else the environment's or the default
  std::vector<std::string> engine_names;  // -e, sorted, each once; duktape when none is named
  std::vector<EngineProfile> profiles;    // in engine_names' order, each read once
  unsigned workers = 1;                   // -j, else one per core
};

// Reads every profile that -e names before any engine starts, so that a misspelt engine is bad
// usage whatever else is named. Throws CliError (bad input) for an unknown engine or a profile
// file that does not read or validate.
RunPlan plan_run(const RunOptions& options);

}  // namespace settle::cli
