#include "runner/run/judge.h"

#include "runner/match/matcher.h"
#include "runner/match/test262_verdict.h"

namespace settle {

Result judge(const Case& test, const std::string& engine, Observation observed, double duration_ms,
             bool strict_rejections) {
  Result result;
  result.test = &test;
  result.engine = engine;
  result.duration_ms = duration_ms;
  if (!observed.skip.empty()) {
    result.status = Status::kSkip;
    result.message = observed.skip;
  } else if (observed.timed_out) {
    result.status = Status::kTimeout;
    result.message = "timed out";
  } else if (test.test262 && observed.uncaught == observed.fault) {
    // An exception no code caught fails a test262 test; it is no fault of the engine's.
    Verdict verdict = test262_verdict(*test.test262, observed);
    result.status = verdict.pass ? Status::kPass : Status::kFail;
    result.message = std::move(verdict.message);
  } else if (!observed.fault.empty()) {
    result.status = Status::kError;
    result.message = observed.fault;
  } else {
    Verdict verdict = match(test.expect, observed, strict_rejections);
    result.status = verdict.pass ? Status::kPass : Status::kFail;
    result.message = std::move(verdict.message);
  }
  result.observed = std::move(observed);
  return result;
}

}  // namespace settle
