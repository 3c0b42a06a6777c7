#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "reports/reporter.h"
#include "reports/result_store.h"
#include "reports/rollup.h"

namespace settle {

// One self-contained HTML page (--html) comparing the engines of a run: the summary per engine,
// a heatmap of areas × engines (reports/heatmap.h), pass/total per engine by area at every level
// (folding open, areas with disagreements first, each linking to its cases), a case × engine
// matrix with the disagreements first, a filter box, and in each cell (a <details>) the expected
// pattern, the observed value and log, and the message. Disagreement is judged among the engines
// that ran a case: skips are counted apart. The matrix holds the statuses; what the cells open to
// is written once as JSON (an observation that several engines share, once) and put into the
// cells by the page's script, which keeps the page small. Its style and script are inlined
// (reports/html/); it loads nothing from anywhere. The matrix is read back from the run's
// `results` and written a row at a time.
class HtmlReporter : public Reporter {
 public:
  HtmlReporter(std::string path, const ResultStore& results)
      : path_(std::move(path)), results_(results) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The page as text; end() writes it.
  std::string render(const Summary& summary) const;

 private:
  // Writes the page to `sink` a part at a time.
  void write(const Summary& summary, const std::function<void(std::string_view)>& sink) const;

  std::string path_;
  const ResultStore& results_;
  RunInfo run_;
  Rollup rollup_;
};

// Text safe as HTML content or a quoted attribute value.
std::string html_escape(const std::string& text);

}  // namespace settle
