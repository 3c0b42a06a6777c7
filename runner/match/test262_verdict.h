#pragma once

#include "runner/match/matcher.h"
#include "runner/model/case.h"
#include "runner/model/observation.h"

namespace settle {

// Whether a test262 run passed, by INTERPRETING.md's rules: a negative test must throw an error
// of the named type in the named phase (a parse-phase test must not parse); any other test must
// parse and run without an uncaught exception; an async test must also print
// Test262:AsyncTestComplete and no Test262:AsyncTestFailure. For an observation that ran (Settled
// or Threw): timeouts, faults and skips are judged before this.
Verdict test262_verdict(const Test262Run& run, const Observation& observed);

}  // namespace settle
