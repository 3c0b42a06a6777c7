#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "runner/model/observation.h"
#include "runner/model/value_json.h"

namespace settle::testing {

// What tests read of an observation: its parts as JSON, and its ending.
inline const nlohmann::json& value_json(const Observation& observed) {
  return json_of(observed.value());
}
inline const nlohmann::json& log_json(const Observation& observed) { return json_of(observed.log); }
inline const nlohmann::json& globals_json(const Observation& observed) {
  return json_of(observed.globals);
}
// A Faulted ending's message; empty for any other ending.
inline std::string fault_text(const Observation& observed) {
  const auto* fault = std::get_if<Faulted>(&observed.ending);
  return fault ? fault->message : "";
}
inline bool timed_out(const Observation& observed) {
  return std::holds_alternative<TimedOut>(observed.ending);
}
// Whether the code threw in `phase`.
inline bool threw_in(const Observation& observed, Test262Phase phase) {
  const auto* threw = std::get_if<Threw>(&observed.ending);
  return threw && threw->phase == phase;
}

// An observation that ran to `state` with `value` (Threw, in the runtime phase, for kThrows).
inline Observation ran_to(Outcome state, nlohmann::json value = nullptr) {
  Observation observed;
  if (state == Outcome::kThrows) {
    observed.ending = Threw{Test262Phase::kRuntime, value_of(std::move(value)), std::nullopt};
  } else {
    observed.ending = Settled{state, value_of(std::move(value))};
  }
  return observed;
}

}  // namespace settle::testing
