#include "runner/run/plan.h"

#include <algorithm>

#include "runner/match/matcher.h"

namespace settle {
namespace {

// Why an engine cannot run a test262 test as INTERPRETING.md asks, or nothing when it can.
std::optional<std::string> test262_skip(const Test262Run& run, const EngineInfo& engine) {
  const std::string why = engine.no_modules.empty() ? "" : ": " + engine.no_modules;
  if (run.flags.module && !engine.modules)
    return "module code, which " + engine.name + " cannot run" + why;
  // settle loads the modules that import() asks for; an engine left to load them itself would
  // read files.
  if (run.folder && !engine.modules) {
    return "import() of the test's modules, which settle cannot load on " + engine.name + why;
  }
  if (run.flags.can_block_is_false && engine.can_block) {
    return "CanBlockIsFalse, but " + engine.name + "'s agent has [[CanBlock]] true";
  }
  if (run.flags.can_block_is_true && !engine.can_block) {
    return "CanBlockIsTrue, but " + engine.name + "'s agent has [[CanBlock]] false";
  }
  for (const std::string& part : run.host_needs) {
    if (!engine.host_262.count(part)) {
      return "requires $262." + part + ", which " + engine.name + " does not provide";
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<PlannedJob> plan_jobs(const std::vector<const Case*>& cases,
                                  const std::vector<const EngineInfo*>& engines,
                                  const PlanSettings& settings) {
  std::vector<PlannedJob> jobs;
  jobs.reserve(cases.size() * engines.size());
  for (const Case* test : cases) {
    std::vector<std::string> watched = same_references(test->expect);
    for (std::size_t e = 0; e < engines.size(); ++e) {
      PlannedJob planned;
      planned.engine = e;
      planned.job.test = test;
      planned.job.timeout =
          test->timeout_ms ? std::chrono::milliseconds(*test->timeout_ms) : settings.timeout;
      planned.job.watched_globals = watched;
      planned.strict_rejections = settings.strict_rejections;
      if (test->skip) {
        planned.skip = "skipped by the case: " + *test->skip;
      } else {
        for (const std::string& feature : test->features) {
          if (engines[e]->lacks(feature)) {
            planned.skip = "requires feature " + feature + ", which " + engines[e]->name + " lacks";
            break;
          }
        }
        if (!planned.skip && test->test262)
          planned.skip = test262_skip(*test->test262, *engines[e]);
      }
      jobs.push_back(std::move(planned));
    }
  }
  return jobs;
}

}  // namespace settle
