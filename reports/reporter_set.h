#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "reports/report_formats.h"
#include "reports/reporter.h"
#include "reports/result_store.h"

namespace settle {

// All the reporters of one run, fed the same events in the same order, and the run's result store
// for those that read the results back at their end.
class ReporterSet {
 public:
  // The result store keeps its file in `results_folder` (the reports'), or in TMPDIR when empty.
  explicit ReporterSet(const std::string& results_folder = "") : results_(results_folder) {}

  void add_reporter(std::unique_ptr<Reporter> reporter);
  // Adds a reporter for each format that `paths` names, in the table's order.
  void add_files(const ReportPaths& paths);
  // The run's result store; the set adds every result to it once this has been called.
  const ResultStore& results();

  void begin(const RunInfo& run);
  void progress(std::size_t done, std::size_t total, const Result& latest);
  void add(const Result& result);
  // Ends every reporter, even after one fails to write; returns why each that failed did.
  std::vector<std::string> end(const Summary& summary);

 private:
  std::vector<std::unique_ptr<Reporter>> reporters_;
  ResultStore results_;
  bool keep_results_ = false;
};

}  // namespace settle
