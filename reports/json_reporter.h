#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "reports/atomic_file.h"
#include "reports/reporter.h"

namespace settle {

// The `settle-report/1` JSON report (docs/design.md, Reports): the input of --baseline, diff,
// merge. Records go to a temporary file as they come, so that a run's memory does not grow with its
// results; end() writes the report atomically.
class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::string path) : path_(std::move(path)) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

 private:
  std::string path_;
  nlohmann::json header_;               // the members known at the start
  std::unique_ptr<SpillFile> results_;  // the records, written as they stand in the report
  std::size_t count_ = 0;
};

}  // namespace settle
