#pragma once

#include <nlohmann/json.hpp>

#include "runner/model/observation.h"

namespace settle {

// Reads the report that host.js's finish() writes ({state, value, log, globals, uncaught,
// printed}) into an observation. Every adapter ends a case with it. A missing or unknown state
// leaves `state` empty; an uncaught exception in a job or timer becomes the fault. Throws
// (std::runtime_error, nlohmann::json::exception) when the report is not an object, or a field
// has another type than host.js gives it.
void read_host_report(const nlohmann::json& report, Observation& observation);

}  // namespace settle
