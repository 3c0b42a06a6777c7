#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "runner/model/engine.h"

namespace settle {

struct PlanSettings {
  std::chrono::milliseconds timeout{5000};  // per case, unless the case sets timeout_ms
  bool strict_rejections = false;           // --strict-rejections: see match()
};

// One case on one engine: either a job to run or the reason it is skipped.
struct PlannedJob {
  Job job;
  std::size_t engine = 0;  // index into the run's engines
  std::optional<std::string> skip;
  bool strict_rejections = false;  // judged with match()'s strict_rejections
};

// The jobs of `cases` (in id order), ordered by case id, then by engine (engines are given in
// name order).
std::vector<PlannedJob> plan_jobs(const std::vector<const Case*>& cases,
                                  const std::vector<const EngineInfo*>& engines,
                                  const PlanSettings& settings);

}  // namespace settle
