#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "reports/reporter.h"
#include "reports/result_store.h"
#include "reports/slowest_runs.h"

namespace settle {

struct ConsoleOptions {
  bool progress = false;  // a progress line: only on a terminal, without NO_COLOR or --quiet
  bool quiet = false;     // only the final line
  bool color = false;
  std::size_t slowest = 0;  // --slowest N: list the N slowest case-runs at the end (even quiet)
};

// The console: a progress line, each failure with expected beside observed (a known failure on one
// line), with several engines the cases where they disagree, a summary table per engine, the
// gate's findings (expectations, baseline), the slowest case-runs when asked, and one final line
// that CI logs can grep.
class ConsoleReporter : public Reporter {
 public:
  // The progress line goes to `progress_out` (stderr in a run; `out` when null), and is cleared
  // before anything else is written, so the two never mix on one terminal. The matrix of several
  // engines is read back from `results` at the end (none without it).
  ConsoleReporter(std::FILE* out, ConsoleOptions options, std::FILE* progress_out = nullptr,
                  const ResultStore* results = nullptr)
      : out_(out),
        progress_out_(progress_out ? progress_out : out),
        options_(options),
        results_(results),
        slowest_(options.slowest) {}
  void begin(const RunInfo& run) override;
  // Shows how far the run is (nothing unless options.progress).
  void progress(std::size_t done, std::size_t total, const Result& latest) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // Console rows of the disagreement matrix shown at most; the Markdown and HTML reports list all.
  static constexpr std::size_t kMaxMatrixRows = 100;

 private:
  void clear_progress();
  std::string paint(const std::string& text, const char* code) const;
  void print_disagreements();
  void print_gate(const GateOutcome& gate);
  void print_slowest();
  void print_lowering(const Summary& summary);

  std::FILE* out_;
  std::FILE* progress_out_;
  ConsoleOptions options_;
  bool progress_shown_ = false;
  const ResultStore* results_;
  std::vector<std::string> engines_;
  struct Lowered {
    std::string level;       // "es5"
    std::string transpiler;  // "babel 7.29.17"
    std::size_t runs = 0;    // runs whose code was lowered
  };
  std::map<std::string, Lowered> lowered_;  // by engine: the engines whose code is lowered
  std::string baseline_;                    // the --baseline file, when given
  SlowestRuns slowest_;
};

}  // namespace settle
