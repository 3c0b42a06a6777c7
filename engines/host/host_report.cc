#include "engines/host/host_report.h"

namespace settle {

void read_host_report(const nlohmann::json& report, Observation& observation) {
  if (!report.is_object()) throw std::runtime_error("the host report is not an object");
  observation.log = report.value("log", nlohmann::json::array());
  observation.globals = report.value("globals", nlohmann::json::object());
  // The matcher reads the log as an array and the globals as an object.
  if (!observation.log.is_array()) {
    throw std::runtime_error("the host report's log is not an array");
  }
  if (!observation.globals.is_object()) {
    throw std::runtime_error("the host report's globals are not an object");
  }
  observation.printed = report.value("printed", "");
  observation.state = outcome_from_name(report.value("state", ""));
  observation.value = report.value("value", nlohmann::json());
  observation.thrown_constructor = report.value("thrown_constructor", "");
  if (auto rejections = report.find("rejections"); rejections != report.end()) {
    if (!rejections->is_array())
      throw std::runtime_error("the host report's rejections are not an array");
    observation.rejections = *rejections;
  }
  const nlohmann::json& uncaught = report.value("uncaught", nlohmann::json::array());
  if (uncaught.is_array() && !uncaught.empty() && uncaught[0].is_object()) {
    observation.uncaught = "uncaught exception in " +
                           uncaught[0].value("where", std::string("a job")) + ": " +
                           uncaught[0].value("value", nlohmann::json()).dump();
    observation.fault = observation.uncaught;
  }
}

}  // namespace settle
