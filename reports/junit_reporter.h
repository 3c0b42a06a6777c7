#pragma once

#include <string>
#include <vector>

#include "reports/reporter.h"

namespace settle {

// JUnit XML as Jenkins, GitLab and GitHub read it: one <testsuite> per engine and case file,
// <testcase classname="ENGINE.FILE" name="ID">, with <failure>, <error> or <skipped>.
class JunitReporter : public Reporter {
 public:
  explicit JunitReporter(std::string path) : path_(std::move(path)) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The document as text; end() writes it.
  std::string render(const Summary& summary) const;

 private:
  struct Row {
    std::string suite;  // ENGINE.FILE
    std::string name;
    std::string status;
    std::string message;  // one line
    std::string details;  // full text
    std::string printed;
    double seconds = 0;
  };

  std::string path_;
  RunInfo run_;
  std::vector<Row> rows_;
};

}  // namespace settle
