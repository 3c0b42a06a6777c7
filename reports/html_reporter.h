#pragma once

#include <string>
#include <vector>

#include "reports/reporter.h"
#include "reports/rollup.h"

namespace settle {

// One self-contained HTML page (--html) comparing the engines of a run: the summary per engine,
// pass/total per engine by area at every level (folding open, areas with disagreements first,
// each linking to its cases), a case × engine matrix with the disagreements first, a filter box,
// and in each cell (a <details>) the expected pattern, the observed value and log, and the message.
// Its style and script are inlined (reports/html/); it loads nothing from anywhere.
class HtmlReporter : public Reporter {
 public:
  explicit HtmlReporter(std::string path) : path_(std::move(path)) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The page as text; end() writes it.
  std::string render(const Summary& summary) const;

 private:
  std::string path_;
  RunInfo run_;
  std::vector<Result> results_;
  Rollup rollup_;
};

// Text safe as HTML content or a quoted attribute value.
std::string html_escape(const std::string& text);

}  // namespace settle
