#pragma once

#include <nlohmann/json.hpp>

#include "runner/model/observation.h"

namespace settle {

// Reads the report that host.js's finish() writes ({state, value, thrown_constructor, log,
// globals, rejections, uncaught, printed}) into an observation. Every adapter ends a case with
// it. Its state becomes the ending (Settled, or Threw as the code ran), and true is returned. An
// uncaught exception in a job or timer is described in `uncaught`; with a missing or unknown state
// it is the ending (Faulted), else the ending stays as it was; false is returned. Throws
// (std::runtime_error, nlohmann::json::exception) when the report is not an object, or a field has
// another type than host.js gives it.
bool read_host_report(const nlohmann::json& report, Observation& observation);

}  // namespace settle
