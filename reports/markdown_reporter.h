#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "reports/reporter.h"
#include "reports/result_store.h"
#include "reports/rollup.h"

namespace settle {

// A Markdown report for a pull-request comment (--markdown): the summary per engine, pass/total
// per engine by top-level area, with several engines the matrix of the cases where they disagree,
// the failures, the gate's findings and the changes since the baseline (--baseline). The matrix and
// the failures are read back from the run's `results` at the end.
class MarkdownReporter : public Reporter {
 public:
  MarkdownReporter(std::string path, const ResultStore& results)
      : path_(std::move(path)), results_(results) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The document as text, each list cut at `max_rows` rows; end() writes it.
  std::string render(const Summary& summary, std::size_t max_rows = kMaxRows) const;

  // Rows listed at most per table (a GitHub comment holds 65536 characters).
  static constexpr std::size_t kMaxRows = 200;

 private:
  void disagreements(std::ostream& out, const std::vector<std::string>& engines,
                     std::size_t max_rows) const;
  void failures(std::ostream& out, std::size_t max_rows) const;

  std::string path_;
  const ResultStore& results_;
  RunInfo run_;
  Rollup rollup_;
};

}  // namespace settle
