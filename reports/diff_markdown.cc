#include "reports/diff_markdown.h"

#include <array>
#include <map>
#include <sstream>

#include "reports/diff_text.h"
#include "reports/markdown_text.h"

namespace settle {
namespace {

void table(std::ostringstream& out, const std::vector<OutcomeChange>& changes, bool details) {
  out << "| case | engine | before | now |" << (details ? " details |" : "") << "\n";
  out << "|---|---|---|---|" << (details ? "---|" : "") << "\n";
  for (const OutcomeChange& change : changes) {
    out << "| " << markdown_code(change.id) << " | " << markdown_cell(change.engine) << " | "
        << status_or_dash(change.before) << " | " << status_or_dash(change.after) << " |";
    if (details) {
      bool changed = change.before && change.after && *change.before != Status::kPass &&
                     *change.after != Status::kPass;
      std::string text;
      if (changed) {
        auto [before, after] = first_differing_lines(change.before_message, change.after_message);
        text = "was: " + before + "\nnow: " + after;
      } else {
        text = change.after && *change.after != Status::kPass ? change.after_message
                                                              : change.before_message;
      }
      out << " " << markdown_cell(text) << " |";
    }
    out << "\n";
  }
}

void section(std::ostringstream& out, const std::string& title,
             const std::vector<OutcomeChange>& changes, bool open, bool details) {
  if (changes.empty()) return;
  std::string heading = title + " (" + std::to_string(changes.size()) + ")";
  if (open) {
    out << "\n#### " << heading << "\n\n";
    table(out, changes, details);
  } else {
    out << "\n<details><summary>" << heading << "</summary>\n\n";
    table(out, changes, details);
    out << "\n</details>\n";
  }
}

}  // namespace

std::string diff_markdown(const BaselineDiff& diff, const std::string& before_name,
                          const std::string& after_name) {
  std::ostringstream out;
  out << "### Changes since the baseline\n\n";
  out << (diff.regressions.empty() ? "No regressions" : "**Regressions**") << ": "
      << diff_counts(diff) << " (" << markdown_code(before_name) << " → "
      << markdown_code(after_name) << ").\n";
  std::map<std::string, std::array<std::size_t, 5>> counts;
  auto count = [&](const std::vector<OutcomeChange>& changes, std::size_t column) {
    for (const auto& change : changes) ++counts[change.engine][column];
  };
  count(diff.regressions, 0);
  count(diff.fixes, 1);
  count(diff.added, 2);
  count(diff.removed, 3);
  count(diff.changed, 4);
  if (!counts.empty()) {
    out << "\n| engine | regressions | fixes | added | removed | changed |\n";
    out << "|---|---:|---:|---:|---:|---:|\n";
    for (const auto& [engine, line] : counts) {
      out << "| " << markdown_cell(engine) << " |";
      for (std::size_t value : line) out << " " << value << " |";
      out << "\n";
    }
  }
  section(out, "Regressions", diff.regressions, true, true);
  section(out, "Changed failures", diff.changed, true, true);
  section(out, "Fixes", diff.fixes, false, false);
  section(out, "Added cases", diff.added, false, false);
  section(out, "Removed cases", diff.removed, false, false);
  for (const std::string& engine : diff.engines_only_before) {
    out << "\nEngine " << markdown_code(engine) << " is only in " << markdown_code(before_name)
        << ": not compared.\n";
  }
  for (const std::string& engine : diff.engines_only_after) {
    out << "\nEngine " << markdown_code(engine) << " is only in " << markdown_code(after_name)
        << ": not compared.\n";
  }
  return out.str();
}

}  // namespace settle
