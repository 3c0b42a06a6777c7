#include "runner/run/judge.h"

#include "runner/match/matcher.h"
#include "runner/match/test262_verdict.h"

namespace settle {
namespace {

void set_verdict(Result& result, Verdict verdict) {
  result.status = verdict.pass ? Status::kPass : Status::kFail;
  result.message = std::move(verdict.message);
}

}  // namespace

Result judge(const Case& test, const std::string& engine, Observation observed, double duration_ms,
             bool strict_rejections) {
  Result result;
  result.test = &test;
  result.engine = engine;
  result.duration_ms = duration_ms;
  auto ran = [&]() {
    if (test.test262) {
      // An exception no code caught fails a test262 test; it is no fault of the engine's.
      set_verdict(result, test262_verdict(*test.test262, observed));
    } else if (observed.uncaught) {
      result.status = Status::kError;
      result.message = *observed.uncaught;
    } else {
      set_verdict(result, match(test.expect, observed, strict_rejections));
    }
  };
  std::visit(OnEnding{
                 [&](const Settled&) { ran(); },
                 [&](const Threw&) { ran(); },
                 [&](const TimedOut&) {
                   result.status = Status::kTimeout;
                   result.message = "timed out";
                 },
                 [&](const Faulted& fault) {
                   result.status = Status::kError;
                   result.message = fault.message;
                 },
                 [&](const NotRun& skip) {
                   result.status = Status::kSkip;
                   result.message = skip.reason;
                 },
             },
             observed.ending);
  result.observed = std::move(observed);
  return result;
}

}  // namespace settle
