#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reports/reporter.h"

namespace settle {

// The `settle-report/1` JSON report (DESIGN.md, Reports): the input of --baseline, diff, merge.
class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::string path) : path_(std::move(path)) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  static nlohmann::json expected_json(const Expectation& expect);
  static nlohmann::json observed_json(const Observation& observed);
  static nlohmann::json result_json(const Result& result);

 private:
  std::string path_;
  nlohmann::json report_;
};

}  // namespace settle
