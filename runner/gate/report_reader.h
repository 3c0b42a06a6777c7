#pragma once

#include <deque>
#include <string>
#include <vector>

#include "runner/gate/summary.h"
#include "runner/model/result.h"

namespace settle {

// The JSON report's schema version (docs/design.md, Reports). A reader refuses any other.
inline constexpr char kReportFormat[] = "settle-report/1";

// A settle JSON report read back (--baseline, diff, merge): the run as its reporters saw it.
struct LoadedReport {
  std::string source;  // the file it was read from
  RunInfo run;         // version, start, engines, settings, load errors
  bool complete = true;
  double seconds = 0;
  std::deque<Case> cases;  // one per id; the results point into it
  std::vector<Result> results;

  LoadedReport() = default;
  LoadedReport(LoadedReport&&) = default;
  LoadedReport& operator=(LoadedReport&&) = default;
  LoadedReport(const LoadedReport&) = delete;
  LoadedReport& operator=(const LoadedReport&) = delete;

  Summary summary() const;  // counts recomputed from the results
};

// Reads a report; fields it does not know are ignored, optional ones may be absent (reports of
// older settle versions). A file that cannot be read, or is not a settle report of a version this
// settle reads, throws InputError.
LoadedReport read_report(const std::string& path);
LoadedReport parse_report(std::string text, const std::string& source);

}  // namespace settle
