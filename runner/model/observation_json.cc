#include "runner/model/observation_json.h"

#include <stdexcept>

#include "runner/model/value_json.h"

namespace settle {
namespace {

using nlohmann::json;

void put_optional(json& out, const char* key, const std::optional<std::string>& text) {
  if (text) out[key] = *text;
}

std::optional<std::string> optional_text_at(const json& in, const char* key) {
  auto found = in.find(key);
  if (found == in.end()) return std::nullopt;
  return found->get<std::string>();
}

Outcome outcome_at(const json& in) {
  auto outcome = outcome_from_name(in.at("state").get<std::string>());
  if (!outcome) throw std::runtime_error("an unknown state");
  return *outcome;
}

Ending ending_from_json(const json& in) {
  const std::string ending = in.at("ending").get<std::string>();
  if (ending == "settled") {
    Outcome state = outcome_at(in);
    if (state == Outcome::kThrows) throw std::runtime_error("a settled ending that throws");
    return Settled{state, value_of(in.value("value", json()))};
  }
  if (ending == "threw") {
    auto phase = test262_phase_from_name(in.at("phase").get<std::string>());
    if (!phase) throw std::runtime_error("an unknown phase");
    return Threw{*phase, value_of(in.value("value", json())), optional_text_at(in, "constructor")};
  }
  if (ending == "timed_out") return TimedOut{};
  if (ending == "fault") return Faulted{in.at("message").get<std::string>()};
  if (ending == "not_run") return NotRun{in.at("reason").get<std::string>()};
  throw std::runtime_error("an unknown ending \"" + ending + "\"");
}

}  // namespace

json observation_to_json(const Observation& observation) {
  json out = json::object();
  std::visit(OnEnding{
                 [&](const Settled& settled) {
                   out["ending"] = "settled";
                   out["state"] = std::string(outcome_name(settled.state));
                   out["value"] = json_of(settled.value);
                 },
                 [&](const Threw& threw) {
                   out["ending"] = "threw";
                   out["phase"] = std::string(test262_phase_name(threw.phase));
                   out["value"] = json_of(threw.value);
                   put_optional(out, "constructor", threw.constructor);
                 },
                 [&](const TimedOut&) { out["ending"] = "timed_out"; },
                 [&](const Faulted& fault) {
                   out["ending"] = "fault";
                   out["message"] = fault.message;
                 },
                 [&](const NotRun& skip) {
                   out["ending"] = "not_run";
                   out["reason"] = skip.reason;
                 },
             },
             observation.ending);
  out["log"] = json_of(observation.log);
  out["globals"] = json_of(observation.globals);
  out["printed"] = observation.printed;
  if (observation.rejections) out["rejections"] = json_of(*observation.rejections);
  put_optional(out, "uncaught", observation.uncaught);
  put_optional(out, "harness_error", observation.harness_error);
  put_optional(out, "lowered", observation.lowered);
  return out;
}

Observation observation_from_json(const json& in) {
  if (!in.is_object()) throw std::runtime_error("not an object");
  Observation observation;
  observation.ending = ending_from_json(in);
  observation.log = value_of(in.value("log", json::array()));
  observation.globals = value_of(in.value("globals", json::object()));
  if (!json_of(observation.log).is_array() || !json_of(observation.globals).is_object()) {
    throw std::runtime_error("a log that is not an array, or globals that are not an object");
  }
  observation.printed = in.value("printed", std::string());
  if (auto rejections = in.find("rejections"); rejections != in.end()) {
    if (!rejections->is_array()) throw std::runtime_error("rejections that are not an array");
    observation.rejections = value_of(*rejections);
  }
  observation.uncaught = optional_text_at(in, "uncaught");
  observation.harness_error = optional_text_at(in, "harness_error");
  observation.lowered = optional_text_at(in, "lowered");
  return observation;
}

}  // namespace settle
