#include "reports/markdown_reporter.h"

#include <sstream>

#include "reports/atomic_file.h"
#include "reports/case_rows.h"
#include "reports/diff_markdown.h"
#include "reports/markdown_text.h"
#include "reports/report_text.h"

namespace settle {
namespace {

const char* status_mark(Status status) {
  switch (status) {
    case Status::kPass:
      return "✅ ";
    case Status::kFail:
      return "❌ ";
    case Status::kSkip:
      return "⏭️ ";
    case Status::kTimeout:
      return "⏱️ ";
    case Status::kError:
      return "💥 ";
  }
  return "";
}

std::string status_cell(const Result* result) {
  if (!result) return "—";
  return status_mark(result->status) + std::string(status_name(result->status)) +
         (result->known_failure ? " (known)" : "");
}

// A message cut to a few lines, for a table cell.
std::string shortened(const std::string& text) {
  constexpr std::size_t kMax = 400;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + " …";
}

void more_rows(std::ostream& out, std::size_t total, std::size_t shown) {
  if (total > shown) {
    out << "\n… and " << total - shown << " more (the JSON or HTML report lists them all).\n";
  }
}

std::string pass_of_total(const Rollup::Area& area, const std::string& engine) {
  auto count = area.per_engine.find(engine);
  if (count == area.per_engine.end()) return "—";
  return std::to_string(count->second.pass) + "/" + std::to_string(count->second.total);
}

// The area's disagreements, and apart from them the cases some engine skipped.
std::string disagree_note(const Rollup::Area& area) {
  std::string note;
  if (area.disagreements) note = std::to_string(area.disagreements) + " disagree";
  if (area.skipped) {
    note += (note.empty() ? "" : ", ") + std::to_string(area.skipped) + " skipped by some engine";
  }
  return note.empty() ? "" : " (" + note + ")";
}

// One row per area, one column per engine.
void area_rows(std::ostream& out, const Rollup::Area& root,
               const std::vector<const Rollup::Area*>& areas,
               const std::vector<std::string>& engines) {
  out << "| area | cases |";
  for (const std::string& engine : engines) out << " " << markdown_cell(engine) << " |";
  out << "\n|---|---:|";
  for (std::size_t i = 0; i < engines.size(); ++i) out << "---:|";
  out << "\n";
  auto row = [&](const Rollup::Area& area, const std::string& name) {
    out << "| " << name << disagree_note(area) << " | " << area.cases << " |";
    for (const std::string& engine : engines) out << " " << pass_of_total(area, engine) << " |";
    out << "\n";
  };
  for (const Rollup::Area* area : areas) row(*area, markdown_code(area->path));
  row(root, "**all**");
}

// One row per engine, one column per area; the last row counts the disagreements.
void area_columns(std::ostream& out, const Rollup::Area& root,
                  const std::vector<const Rollup::Area*>& areas,
                  const std::vector<std::string>& engines) {
  out << "| engine | **all** (" << root.cases << ") |";
  for (const Rollup::Area* area : areas)
    out << " " << markdown_code(area->path) << " (" << area->cases << ") |";
  out << "\n|---|---:|";
  for (std::size_t i = 0; i < areas.size(); ++i) out << "---:|";
  out << "\n";
  for (const std::string& engine : engines) {
    out << "| " << markdown_cell(engine) << " | " << pass_of_total(root, engine) << " |";
    for (const Rollup::Area* area : areas) out << " " << pass_of_total(*area, engine) << " |";
    out << "\n";
  }
  out << "| *cases where they disagree* | " << root.disagreements << " |";
  for (const Rollup::Area* area : areas) out << " " << area->disagreements << " |";
  out << "\n";
  if (root.skipped == 0) return;
  out << "| *cases some engine skipped* | " << root.skipped << " |";
  for (const Rollup::Area* area : areas) out << " " << area->skipped << " |";
  out << "\n";
}

}  // namespace

void MarkdownReporter::begin(const RunInfo& run) { run_ = run; }

void MarkdownReporter::add(const Result& result) { rollup_.add(result); }

// The cases where the engines disagree, the first `max_rows` of them.
void MarkdownReporter::disagreements(std::ostream& out, const std::vector<std::string>& engines,
                                     std::size_t max_rows) const {
  CaseRows::Counts counts;
  std::string rows;
  CaseRows(results_, engines).for_each([&](const ComparisonRow& row) {
    ++counts.cases;
    counts.skipped += row.skipped > 0;
    if (!row.disagree || ++counts.disagreements > max_rows) return;
    rows += "| " + markdown_code(row.test->id) + " |";
    for (const Result* cell : row.cells) rows += " " + status_cell(cell) + " |";
    rows += "\n";
  });
  out << "\n### Where the engines disagree (" << counts.disagreements << " of " << counts.cases
      << " cases)\n\n";
  if (counts.skipped) {
    out << "A skip is not a disagreement: "
        << (counts.skipped == 1 ? "the case" : "the " + std::to_string(counts.skipped) + " cases")
        << " that some engine skipped " << (counts.skipped == 1 ? "is" : "are")
        << " judged among the engines that ran " << (counts.skipped == 1 ? "it" : "them")
        << ".\n\n";
  }
  if (counts.disagreements == 0) {
    out << "The engines agree on every case.\n";
    return;
  }
  out << "| case |";
  for (const std::string& engine : engines) out << " " << markdown_cell(engine) << " |";
  out << "\n|---|";
  for (std::size_t i = 0; i < engines.size(); ++i) out << "---|";
  out << "\n" << rows;
  more_rows(out, counts.disagreements, std::min(counts.disagreements, max_rows));
}

// The unexpected failures, the first `max_rows` of them.
void MarkdownReporter::failures(std::ostream& out, std::size_t max_rows) const {
  std::size_t count = 0;
  std::string rows;
  results_.for_each([&](const StoredResult& stored) {
    const Result& result = stored.result;
    if (!is_failure(result.status) || result.known_failure || ++count > max_rows) return;
    rows += "| " + markdown_code(result.test->id) + " | " + markdown_cell(result.engine) + " | " +
            status_cell(&result) + " | " + markdown_cell(shortened(result.message)) + " |\n";
  });
  if (count == 0) return;
  out << "\n<details><summary>Failures (" << count << ")</summary>\n\n";
  out << "| case | engine | status | details |\n|---|---|---|---|\n" << rows;
  more_rows(out, count, std::min(count, max_rows));
  out << "\n</details>\n";
}

std::string MarkdownReporter::render(const Summary& summary, std::size_t max_rows) const {
  std::ostringstream out;
  out << "## settle results\n\n";
  out << "| engine | version |";
  for (Status status : kAllStatuses) out << " " << status_name(status) << " |";
  out << " total |\n|---|---|";
  for (std::size_t i = 0; i < kStatusCount; ++i) out << "---:|";
  out << "---:|\n";
  for (const EngineInfo& engine : run_.engines) {
    out << "| " << markdown_cell(engine.name) << " | " << markdown_cell(engine.version) << " |";
    const StatusCounts& counts = summary_row(summary, engine.name);
    for (Status status : kAllStatuses) out << " " << counts.count(status) << " |";
    out << " " << counts.total() << " |\n";
  }
  out << "\n`" << final_line(summary) << "`\n";

  std::vector<std::string> engines;
  for (const EngineInfo& engine : run_.engines) engines.push_back(engine.name);
  const Rollup::Area root = rollup_.tree();
  if (!root.children.empty()) {
    std::vector<const Rollup::Area*> areas = Rollup::ordered_children(root);
    std::size_t shown = std::min(areas.size(), max_rows);
    std::vector<const Rollup::Area*> columns(areas.begin(), areas.begin() + shown);
    out << "\n### By area (pass/total)\n\n";
    // The longer list runs down the page: areas as rows for a few engines, engines as rows for
    // many (a README's table of every engine and library).
    if (engines.size() > shown + 1) {
      area_columns(out, root, columns, engines);
    } else {
      area_rows(out, root, columns, engines);
    }
    more_rows(out, areas.size(), shown);
  }
  if (engines.size() > 1) disagreements(out, engines, max_rows);
  failures(out, max_rows);

  const GateOutcome& gate = summary.gate;
  if (gate.expectations_used) {
    out << "\n### Expectations\n\n"
        << count_of(gate.known_failures, "known failure", "known failures") << ", "
        << count_of(gate.unexpected_failures.size(), "unexpected failure", "unexpected failures")
        << ", " << count_of(gate.unexpected_passes.size(), "unexpected pass", "unexpected passes")
        << ", " << count_of(gate.missing_cases.size(), "stale entry", "stale entries") << ".\n";
    auto list = [&](const char* label, const std::vector<GateEntry>& entries) {
      std::size_t shown = std::min(entries.size(), max_rows);
      for (std::size_t i = 0; i < shown; ++i) {
        const GateEntry& entry = entries[i];
        out << "- " << label << " " << markdown_code(entry.id) << " on "
            << markdown_cell(entry.engine) << ": " << markdown_cell(entry.detail) << "\n";
      }
      if (entries.size() > shown) out << "- … and " << entries.size() - shown << " more\n";
    };
    out << "\n";
    list("unexpected failure", gate.unexpected_failures);
    list("unexpected pass", gate.unexpected_passes);
    list("stale entry", gate.missing_cases);
  }
  if (gate.baseline) {
    out << "\n"
        << diff_markdown(*gate.baseline, run_.settings.baseline.value_or("baseline"), "this run");
  }
  return out.str();
}

void MarkdownReporter::end(const Summary& summary) {
  std::string text;
  try {
    text = render(summary);
  } catch (const ResultsUnreadable& error) {
    throw ReportWriteError("cannot write " + path_ + ": " + error.what());
  }
  write_file_atomically(path_, text);
}

}  // namespace settle
