#include "reports/report_formats.h"

#include <filesystem>

#include "reports/atomic_file.h"
#include "reports/html_reporter.h"
#include "reports/json_reporter.h"
#include "reports/junit_reporter.h"
#include "reports/markdown_reporter.h"

namespace settle {

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> kFormats = {
      {"json", "--json", "Write the JSON report (settle-report/1) here",
       [](const std::string& path, const ResultStoreAccess&) {
         return std::make_unique<JsonReporter>(path);
       }},
      {"junit", "--junit", "Write a JUnit XML report here",
       [](const std::string& path, const ResultStoreAccess&) {
         return std::make_unique<JunitReporter>(path);
       }},
      {"markdown", "--markdown",
       "Write a Markdown report here: where the engines disagree, the gate, the baseline diff (for "
       "a pull-request comment)",
       [](const std::string& path, const ResultStoreAccess& results) {
         return std::make_unique<MarkdownReporter>(path, results());
       }},
      {"html", "--html", "Write a self-contained HTML page comparing the engines here",
       [](const std::string& path, const ResultStoreAccess& results) {
         return std::make_unique<HtmlReporter>(path, results());
       }},
  };
  return kFormats;
}

std::string first_report_folder(const ReportPaths& paths) {
  for (const ReportFormat& format : report_formats()) {
    auto path = paths.find(format.name);
    if (path == paths.end() || path->second.empty()) continue;
    std::string written = path->second;
    try {
      ReportTarget target = report_target(path->second);
      if (target.in_place) continue;  // /dev/null's folder is no place for a temporary file
      written = target.path;
    } catch (const ReportWriteError&) {  // the report says why when it is written
    }
    std::string folder = std::filesystem::path(written).parent_path().string();
    return folder.empty() ? "." : folder;
  }
  return "";
}

}  // namespace settle
