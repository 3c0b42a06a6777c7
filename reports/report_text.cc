#include "reports/report_text.h"

#include <cstdio>
#include <sstream>

namespace settle {

std::string final_line(const Summary& summary) {
  StatusCounts all = summary.overall();
  std::ostringstream line;
  const char* separator = "settle: ";
  for (const StatusInfo& status : kStatuses) {
    line << separator << all.count(status.status) << " " << status.counted;
    separator = ", ";
  }
  const GateOutcome& gate = summary.gate;
  if (gate.expectations_used) {
    line << ", " << count_of(gate.known_failures, "known failure", "known failures");
    if (!gate.unexpected_passes.empty()) {
      line << ", "
           << count_of(gate.unexpected_passes.size(), "unexpected pass", "unexpected passes");
    }
    if (!gate.missing_cases.empty()) {
      line << ", " << count_of(gate.missing_cases.size(), "stale entry", "stale entries");
    }
  }
  if (gate.baseline) {
    line << ", " << count_of(gate.baseline->regressions.size(), "regression", "regressions") << ", "
         << count_of(gate.baseline->fixes.size(), "fix", "fixes");
  }
  if ((gate.expectations_used || gate.baseline) && !gate.unexpected_failures.empty()) {
    line << ", "
         << count_of(gate.unexpected_failures.size(), "unexpected failure", "unexpected failures");
  }
  if (summary.load_errors > 0) {
    line << ", " << summary.load_errors
         << (summary.load_errors == 1 ? " case file not loaded" : " case files not loaded");
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, " in %.2f s", summary.seconds);
  line << seconds;
  if (!summary.complete) {
    line << (summary.stopped_by.empty() ? " (interrupted)"
                                        : " (stopped by " + summary.stopped_by + ")");
  }
  return line.str();
}

std::string count_of(std::size_t count, const std::string& singular, const std::string& plural) {
  return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

const StatusCounts& summary_row(const Summary& summary, const std::string& engine) {
  static const StatusCounts kNone;
  auto counts = summary.per_engine.find(engine);
  return counts == summary.per_engine.end() ? kNone : counts->second;
}

}  // namespace settle
