#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "reports/markdown_reporter.h"
#include "reports/reporter.h"
#include "reports/result_store.h"

namespace settle {

// GitHub Actions' own outputs (--github, or GITHUB_ACTIONS=true): an `::error` workflow command
// for each unexpected failure, at the case's file and line (at most kMaxAnnotations, then one
// line saying how many more), and the Markdown report as the job summary, appended to the file
// that GITHUB_STEP_SUMMARY names, with its lists cut until it fits GitHub's 65,535 bytes.
class GithubReporter : public Reporter {
 public:
  static constexpr std::size_t kMaxAnnotations = 50;
  static constexpr std::size_t kMaxSummaryBytes = 65535;

  // `summary_path` empty: no job summary. The summary's lists are read back from `results`.
  GithubReporter(std::ostream& out, std::string summary_path, const ResultStore& results);
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The job summary's text, at most kMaxSummaryBytes.
  std::string summary_text(const Summary& summary) const;

  // Workflow-command escaping: of a message, and of a property (file, title).
  static std::string escape_data(const std::string& text);
  static std::string escape_property(const std::string& text);

 private:
  std::ostream& out_;
  std::string summary_path_;
  MarkdownReporter markdown_;
  std::vector<std::string> annotations_;
  std::size_t unannotated_ = 0;
};

}  // namespace settle
