#include "reports/reporter_set.h"

#include "reports/atomic_file.h"

namespace settle {

void ReporterSet::add_reporter(std::unique_ptr<Reporter> reporter) {
  reporters_.push_back(std::move(reporter));
}

void ReporterSet::add_files(const ReportPaths& paths) {
  ResultStoreAccess results = [this]() -> const ResultStore& { return this->results(); };
  for (const ReportFormat& format : report_formats()) {
    auto path = paths.find(format.name);
    if (path != paths.end() && !path->second.empty()) {
      add_reporter(format.factory(path->second, results));
    }
  }
}

const ResultStore& ReporterSet::results() {
  keep_results_ = true;
  return results_;
}

void ReporterSet::begin(const RunInfo& run) {
  for (auto& reporter : reporters_) reporter->begin(run);
}

void ReporterSet::progress(std::size_t done, std::size_t total, const Result& latest) {
  for (auto& reporter : reporters_) reporter->progress(done, total, latest);
}

void ReporterSet::add(const Result& result) {
  if (keep_results_) results_.add(result);
  for (auto& reporter : reporters_) reporter->add(result);
}

std::vector<std::string> ReporterSet::end(const Summary& summary) {
  std::vector<std::string> failures;
  for (auto& reporter : reporters_) {
    try {
      reporter->end(summary);
    } catch (const ReportWriteError& error) {
      failures.push_back(error.what());
    }
  }
  return failures;
}

}  // namespace settle
