#include "reports/result_json.h"

#include <cmath>
#include <string>

#include "runner/model/value_json.h"

namespace settle {

using nlohmann::json;

json expected_json(const Expectation& expect) {
  json expected = json::object();
  expected[std::string(outcome_name(expect.outcome))] = json_of(expect.value);
  if (expect.log) expected["log"] = json_of(*expect.log);
  if (expect.unhandled) expected["unhandled"] = json_of(*expect.unhandled);
  if (expect.rejections) expected["rejections"] = json_of(*expect.rejections);
  return expected;
}

json observed_json(const Observation& observed) {
  json out = json::object();
  std::optional<Outcome> state = observed.state();
  out["state"] = state ? json(outcome_name(*state)) : json(nullptr);
  if (state && *state != Outcome::kPending) out["value"] = json_of(observed.value());
  out["log"] = json_of(observed.log);
  if (!json_of(observed.globals).empty()) out["globals"] = json_of(observed.globals);
  if (!observed.printed.empty()) out["printed"] = observed.printed;
  const Threw* threw = std::get_if<Threw>(&observed.ending);
  if (threw && threw->phase == Test262Phase::kParse) out["parse_error"] = true;
  if (threw && threw->phase == Test262Phase::kResolution) out["resolution_error"] = true;
  if (observed.harness_error) out["harness_error"] = *observed.harness_error;
  if (observed.rejections) out["rejections"] = json_of(*observed.rejections);
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
  if (result.observed.lowered) record["lowered"] = *result.observed.lowered;
  return record;
}

}  // namespace settle
