#pragma once

#include "cli/run_engines.h"
#include "cli/run_plan.h"
#include "reports/reporter_set.h"

namespace settle::cli {

// Adds a run's reporters to `reporters`: the console (a progress line on a terminal, the engine
// matrix with several engines), GitHub's annotations and job summary (--github, or on GitHub
// Actions), a reporter per report file, and the repro scripts (--repro-dir).
void add_run_reporters(ReporterSet& reporters, const RunPlan& plan, const RunEngines& engines);

}  // namespace settle::cli
