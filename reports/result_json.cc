#include "reports/result_json.h"

#include <cmath>
#include <string>

namespace settle {

using nlohmann::json;

json expected_json(const Expectation& expect) {
  json expected = json::object();
  expected[std::string(outcome_name(expect.outcome))] = expect.value;
  if (expect.log) expected["log"] = *expect.log;
  if (expect.unhandled) expected["unhandled"] = *expect.unhandled;
  if (expect.rejections) expected["rejections"] = *expect.rejections;
  return expected;
}

json observed_json(const Observation& observed) {
  json out = json::object();
  out["state"] = observed.state ? json(outcome_name(*observed.state)) : json(nullptr);
  if (observed.state && *observed.state != Outcome::kPending) out["value"] = observed.value;
  out["log"] = observed.log;
  if (!observed.globals.empty()) out["globals"] = observed.globals;
  if (!observed.printed.empty()) out["printed"] = observed.printed;
  if (observed.parse_error) out["parse_error"] = true;
  if (observed.resolution_error) out["resolution_error"] = true;
  if (!observed.harness_error.empty()) out["harness_error"] = observed.harness_error;
  if (observed.rejections) out["rejections"] = *observed.rejections;
  return out;
}

json result_json(const Result& result) {
  const Case& test = *result.test;
  json record = {
      {"id", test.id},
      {"file", test.file},
      {"engine", result.engine},
      {"status", status_name(result.status)},
      {"expected", expected_json(test.expect)},
  };
  if (test.test262) {  // how the test262 rules judged it (INTERPRETING.md)
    if (test.test262->negative) {
      record["expected"]["phase"] = test262_phase_name(test.test262->negative->phase);
    }
    if (test.test262->flags.async) record["expected"]["print"] = "Test262:AsyncTestComplete";
  }
  record["observed"] = observed_json(result.observed);
  record["duration_ms"] = std::round(result.duration_ms * 1000) / 1000;
  record["message"] = result.message;
  if (!test.description.empty()) record["description"] = test.description;
  if (result.known_failure) record["known_failure"] = *result.known_failure;
  // So that nobody takes a lowered verdict for a native one; absent on a run without lowering.
  if (!result.observed.lowered.empty()) record["lowered"] = result.observed.lowered;
  return record;
}

}  // namespace settle
