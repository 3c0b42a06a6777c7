#include "cli/run_plan.h"

#include <algorithm>
#include <thread>

#include "cli/cli_error.h"
#include "runner/input/input_error.h"

namespace settle::cli {

RunPlan plan_run(const RunOptions& options) {
  RunPlan plan{options,
               CaseFilter(options.filters, options.shard),
               resolve_engines_dir(options.engines_dir),
               {},
               {},
               1};
  plan.workers = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  plan.engine_names =
      options.engines.empty() ? std::vector<std::string>{"duktape"} : options.engines;
  std::sort(plan.engine_names.begin(), plan.engine_names.end());
  plan.engine_names.erase(std::unique(plan.engine_names.begin(), plan.engine_names.end()),
                          plan.engine_names.end());
  for (const std::string& name : plan.engine_names) {
    try {
      plan.profiles.push_back(find_profile(name, plan.engines_dir));
    } catch (const ProfileError& error) {  // no such engine
      throw CliError(ExitStatus::kBadInput, error);
    } catch (const InputError& error) {  // a broken profile file
      throw CliError(ExitStatus::kBadInput, error);
    }
  }
  return plan;
}

}  // namespace settle::cli
