#pragma once

#include <cstdio>
#include <string>

#include "reports/reporter.h"

namespace settle {

struct ConsoleOptions {
  bool progress = false;  // a progress line: only on a terminal, without NO_COLOR or --quiet
  bool quiet = false;     // only the final line
  bool color = false;
};

// The console: a progress line, each failure with expected beside observed, a summary table per
// engine, and one final line that CI logs can grep.
class ConsoleReporter : public Reporter {
 public:
  ConsoleReporter(std::FILE* out, ConsoleOptions options) : out_(out), options_(options) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // For the scheduler: shows how far the run is (no-op unless options.progress).
  void progress(std::size_t done, std::size_t total, const Result& latest);

  static std::string final_line(const Summary& summary);

 private:
  void clear_progress();
  std::string paint(const std::string& text, const char* code) const;

  std::FILE* out_;
  ConsoleOptions options_;
  bool progress_shown_ = false;
};

}  // namespace settle
