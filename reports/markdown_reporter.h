#pragma once

#include <string>
#include <vector>

#include "reports/reporter.h"
#include "reports/rollup.h"

namespace settle {

// A Markdown report for a pull-request comment (--markdown): the summary per engine, pass/total
// per engine by top-level area, with several engines the matrix of the cases where they disagree,
// the failures, the gate's findings and the changes since the baseline (--baseline).
class MarkdownReporter : public Reporter {
 public:
  explicit MarkdownReporter(std::string path) : path_(std::move(path)) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The document as text, each list cut at `max_rows` rows; end() writes it.
  std::string render(const Summary& summary, std::size_t max_rows = kMaxRows) const;

  // Rows listed at most per table (a GitHub comment holds 65536 characters).
  static constexpr std::size_t kMaxRows = 200;

 private:
  std::string path_;
  RunInfo run_;
  std::vector<Result> results_;
  Rollup rollup_;
};

}  // namespace settle
