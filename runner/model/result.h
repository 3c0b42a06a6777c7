#pragma once

#include <optional>
#include <string>

#include "runner/model/case.h"
#include "runner/model/observation.h"
#include "runner/model/status.h"

namespace settle {

// One case on one engine. Reporters and the gate consume it.
struct Result {
  const Case* test = nullptr;  // owned by the run; outlives every Result
  std::string engine;
  Status status = Status::kError;
  Observation observed;
  double duration_ms = 0;
  std::string message;  // why it failed, errored or was skipped
  // Set when the expectations file (--expectations) lists this failure: the reason it gives.
  std::optional<std::string> known_failure;
};

}  // namespace settle
