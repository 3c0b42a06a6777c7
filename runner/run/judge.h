#pragma once

#include <string>

#include "runner/model/result.h"

namespace settle {

// Turns what an engine observed into a verdict on the case: a skip, a timeout or an error by how
// it ended; for a case that ran, the matcher's comparison with the expectation, or test262's
// rules. An uncaught exception errors a case of settle's own and fails a test262 test.
Result judge(const Case& test, const std::string& engine, Observation observed, double duration_ms,
             bool strict_rejections = false);

}  // namespace settle
