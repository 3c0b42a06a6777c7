#include "engines/host/host_report.h"

#include "runner/model/value_json.h"

namespace settle {

bool read_host_report(const nlohmann::json& report, Observation& observation) {
  if (!report.is_object()) throw std::runtime_error("the host report is not an object");
  observation.log = value_of(report.value("log", nlohmann::json::array()));
  observation.globals = value_of(report.value("globals", nlohmann::json::object()));
  // The matcher reads the log as an array and the globals as an object.
  if (!json_of(observation.log).is_array()) {
    throw std::runtime_error("the host report's log is not an array");
  }
  if (!json_of(observation.globals).is_object()) {
    throw std::runtime_error("the host report's globals are not an object");
  }
  observation.printed = report.value("printed", "");
  std::optional<Outcome> state = outcome_from_name(report.value("state", ""));
  Value value = value_of(report.value("value", nlohmann::json()));
  std::string constructor = report.value("thrown_constructor", "");
  if (auto rejections = report.find("rejections"); rejections != report.end()) {
    if (!rejections->is_array())
      throw std::runtime_error("the host report's rejections are not an array");
    observation.rejections = value_of(*rejections);
  }
  const nlohmann::json& uncaught = report.value("uncaught", nlohmann::json::array());
  if (uncaught.is_array() && !uncaught.empty() && uncaught[0].is_object()) {
    observation.uncaught = "uncaught exception in " +
                           uncaught[0].value("where", std::string("a job")) + ": " +
                           uncaught[0].value("value", nlohmann::json()).dump();
  }
  if (!state) {
    // An exception no code caught, where the engine saw no outcome, is what it has to say.
    if (observation.uncaught) observation.ending = Faulted{*observation.uncaught};
    return false;
  }
  if (*state == Outcome::kThrows) {
    std::optional<std::string> named;
    if (!constructor.empty()) named = std::move(constructor);
    observation.ending = Threw{Test262Phase::kRuntime, std::move(value), std::move(named)};
  } else {
    observation.ending = Settled{*state, std::move(value)};
  }
  return true;
}

}  // namespace settle
