#pragma once

#include <nlohmann/json.hpp>

#include "runner/model/observation.h"

namespace settle {

// An Observation as JSON and back, losslessly: the payload of the Duktape worker's "observation"
// reply (engines/process/protocol.h) and the observation in a record of the run's result store.
// Not the report's "observed" object, which says less (reports/result_json.h).
//   {"ending": "settled", "state", "value"} | {"ending": "threw", "phase", "value", "constructor"?}
//   | {"ending": "timed_out"} | {"ending": "fault", "message"} | {"ending": "not_run", "reason"}
//   and "log", "globals", "printed", "rejections"?, "uncaught"?, "harness_error"?, "lowered"?
nlohmann::json observation_to_json(const Observation& observation);
// Throws std::runtime_error (or nlohmann::json::exception) when `json` is no such object.
Observation observation_from_json(const nlohmann::json& json);

}  // namespace settle
