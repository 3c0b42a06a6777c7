#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "reports/reporter.h"
#include "reports/result_store.h"

namespace settle {

// Hands the run's result store to a reporter that reads the results back at its end; the reporter
// set keeps the results only once a reporter has asked for them.
using ResultStoreAccess = std::function<const ResultStore&()>;

// A report file that `run` and `merge` can write: its name, its command-line option, the option's
// help, and how to make its reporter for a path. A new format is one Reporter class and one row of
// report_formats().
struct ReportFormat {
  std::string name;  // "junit"
  std::string flag;  // "--junit"
  std::string help;
  std::function<std::unique_ptr<Reporter>(const std::string& path, const ResultStoreAccess&)>
      factory;
};

// Every report file format, in the order their reporters are fed.
const std::vector<ReportFormat>& report_formats();

// The report files a command was asked to write: a path by format name; an empty one writes none.
using ReportPaths = std::map<std::string, std::string>;

// The folder of the first report to write (in the table's order), where the run's result store
// keeps its file; empty (TMPDIR) when no report is written.
std::string first_report_folder(const ReportPaths& paths);

}  // namespace settle
