#pragma once

#include <memory>
#include <string>
#include <vector>

#include "reports/reporter.h"

namespace settle {

// The report files a command was asked to write; an empty path writes none.
struct ReportFiles {
  std::string json;
  std::string junit;
  std::string markdown;
  std::string html;
};

// All the reporters of one run, fed the same calls in the same order.
class ReporterSet {
 public:
  void add_reporter(std::unique_ptr<Reporter> reporter);
  // Adds a reporter for each file named in `files`.
  void add_files(const ReportFiles& files);

  void begin(const RunInfo& run);
  void add(const Result& result);
  // Ends every reporter, even after one fails to write; returns why each that failed did.
  std::vector<std::string> end(const Summary& summary);

 private:
  std::vector<std::unique_ptr<Reporter>> reporters_;
};

}  // namespace settle
