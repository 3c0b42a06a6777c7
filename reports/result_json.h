#pragma once

#include <nlohmann/json.hpp>

#include "runner/model/result.h"

namespace settle {

// A result as the JSON report writes it (docs/design.md, Reports), and its parts that the HTML
// page shows too.
nlohmann::json expected_json(const Expectation& expect);
nlohmann::json observed_json(const Observation& observed);
nlohmann::json result_json(const Result& result);

}  // namespace settle
