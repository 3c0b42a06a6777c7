#include "reports/reporter_set.h"

#include "reports/atomic_file.h"
#include "reports/html_reporter.h"
#include "reports/json_reporter.h"
#include "reports/junit_reporter.h"
#include "reports/markdown_reporter.h"

namespace settle {

void ReporterSet::add_reporter(std::unique_ptr<Reporter> reporter) {
  reporters_.push_back(std::move(reporter));
}

void ReporterSet::add_files(const ReportFiles& files) {
  if (!files.json.empty()) add_reporter(std::make_unique<JsonReporter>(files.json));
  if (!files.junit.empty()) add_reporter(std::make_unique<JunitReporter>(files.junit));
  if (!files.markdown.empty()) add_reporter(std::make_unique<MarkdownReporter>(files.markdown));
  if (!files.html.empty()) add_reporter(std::make_unique<HtmlReporter>(files.html));
}

void ReporterSet::begin(const RunInfo& run) {
  for (auto& reporter : reporters_) reporter->begin(run);
}

void ReporterSet::add(const Result& result) {
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
