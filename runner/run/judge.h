#pragma once

#include <string>

#include "runner/model/result.h"

namespace settle {

// Turns what an engine observed into a verdict on the case: timeout and faults first, then the
// matcher's comparison with the expectation.
Result judge(const Case& test, const std::string& engine, Observation observed, double duration_ms,
             bool strict_rejections = false);

}  // namespace settle
