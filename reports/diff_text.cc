#include "reports/diff_text.h"

#include <cstdio>
#include <map>
#include <sstream>

#include "reports/report_text.h"
#include "runner/model/first_line.h"

namespace settle {
namespace {

struct EngineCounts {
  std::size_t regressions = 0, fixes = 0, added = 0, removed = 0, changed = 0;
};

std::map<std::string, EngineCounts> per_engine(const BaselineDiff& diff) {
  std::map<std::string, EngineCounts> counts;
  for (const auto& change : diff.regressions) ++counts[change.engine].regressions;
  for (const auto& change : diff.fixes) ++counts[change.engine].fixes;
  for (const auto& change : diff.added) ++counts[change.engine].added;
  for (const auto& change : diff.removed) ++counts[change.engine].removed;
  for (const auto& change : diff.changed) ++counts[change.engine].changed;
  return counts;
}

}  // namespace

std::pair<std::string, std::string> first_differing_lines(const std::string& before,
                                                          const std::string& after) {
  std::istringstream old_lines(before), new_lines(after);
  std::string old_line, new_line;
  while (true) {
    bool more_old = static_cast<bool>(std::getline(old_lines, old_line));
    bool more_new = static_cast<bool>(std::getline(new_lines, new_line));
    if (!more_old && !more_new) break;
    if (!more_old) old_line.clear();
    if (!more_new) new_line.clear();
    if (old_line != new_line) return {old_line, new_line};
  }
  return {first_line(before), first_line(after)};
}

std::string diff_counts(const BaselineDiff& diff) {
  return count_of(diff.regressions.size(), "regression", "regressions") + ", " +
         count_of(diff.fixes.size(), "fix", "fixes") + ", " + std::to_string(diff.added.size()) +
         " added, " + std::to_string(diff.removed.size()) + " removed, " +
         std::to_string(diff.changed.size()) + " changed";
}

std::string diff_text(const BaselineDiff& diff, const std::string& before_name,
                      const std::string& after_name) {
  std::ostringstream out;
  out << "baseline " << before_name << " -> " << after_name << ": " << diff_counts(diff) << "\n";
  auto counts = per_engine(diff);
  if (!counts.empty()) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-22s %11s %7s %7s %7s %7s\n", "engine", "regressions",
                  "fixes", "added", "removed", "changed");
    out << line;
    for (const auto& [engine, count] : counts) {
      std::snprintf(line, sizeof line, "  %-22s %11zu %7zu %7zu %7zu %7zu\n", engine.c_str(),
                    count.regressions, count.fixes, count.added, count.removed, count.changed);
      out << line;
    }
  }
  auto list = [&](const char* label, const std::vector<OutcomeChange>& changes) {
    for (const OutcomeChange& change : changes) {
      out << "  " << label << change.id << " [" << change.engine << "]  "
          << status_or_dash(change.before) << " -> " << status_or_dash(change.after) << "\n";
    }
  };
  for (const OutcomeChange& change : diff.regressions) {
    out << "  REGRESSION " << change.id << " [" << change.engine << "]  "
        << status_or_dash(change.before) << " -> " << status_or_dash(change.after) << "\n";
    std::istringstream lines(change.after_message);
    for (std::string line; std::getline(lines, line);) out << "      " << line << "\n";
  }
  list("FIXED      ", diff.fixes);
  list("ADDED      ", diff.added);
  list("REMOVED    ", diff.removed);
  for (const OutcomeChange& change : diff.changed) {
    out << "  CHANGED    " << change.id << " [" << change.engine << "]  "
        << status_or_dash(change.before) << " -> " << status_or_dash(change.after) << "\n";
    auto [before, after] = first_differing_lines(change.before_message, change.after_message);
    out << "      before: " << before << "\n      now:    " << after << "\n";
  }
  for (const std::string& engine : diff.engines_only_before) {
    out << "  engine " << engine << " is only in " << before_name << ": not compared\n";
  }
  for (const std::string& engine : diff.engines_only_after) {
    out << "  engine " << engine << " is only in " << after_name << ": not compared\n";
  }
  return out.str();
}

}  // namespace settle
