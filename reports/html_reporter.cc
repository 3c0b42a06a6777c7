#include "reports/html_reporter.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "reports/atomic_file.h"
#include "reports/case_rows.h"
#include "reports/report_text.h"
#include "reports/result_json.h"
#include "reports/xml_text.h"

namespace settle {
namespace embedded {
extern const char* const kComparisonCss;
extern const char* const kComparisonJs;
}  // namespace embedded

namespace {

using nlohmann::json;

std::string json_text(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

void field(std::ostringstream& out, const char* label, const std::string& text) {
  out << "<dt>" << label << "</dt><dd><pre>" << html_escape(text) << "</pre></dd>";
}

void cell(std::ostringstream& out, const Result* result) {
  if (!result) {
    out << "<td class=\"cell none\">—</td>";
    return;
  }
  std::string status(status_name(result->status));
  out << "<td class=\"cell " << status << (result->known_failure ? " known" : "") << "\">";
  out << "<details><summary>" << status << (result->known_failure ? " (known)" : "")
      << "</summary><dl>";
  field(out, "expected", json_text(expected_json(result->test->expect)));
  const Observation& observed = result->observed;
  if (observed.state) {
    std::string state(outcome_name(*observed.state));
    field(out, "observed",
          *observed.state == Outcome::kPending ? state : state + " " + json_text(observed.value));
  }
  field(out, "log", json_text(observed.log));
  if (!observed.globals.empty()) field(out, "globals", json_text(observed.globals));
  if (!observed.printed.empty()) field(out, "printed", observed.printed);
  if (!result->message.empty()) field(out, "message", result->message);
  if (result->known_failure) field(out, "known failure", *result->known_failure);
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.2f ms", result->duration_ms);
  field(out, "duration", duration);
  out << "</dl></details></td>";
}

}  // namespace

std::string html_escape(const std::string& text) {
  return escape_markup(text, [](char c) -> const char* {
    return c == '"' ? "&quot;" : c == '\'' ? "&#39;" : nullptr;
  });
}

void HtmlReporter::begin(const RunInfo& run) { run_ = run; }

void HtmlReporter::add(const Result& result) { rollup_.add(result); }

namespace {

// An area and, folded inside it, its sub-areas: pass/total per engine, and a link that filters
// the matrix to its cases.
void area_tree(std::ostream& out, const Rollup::Area& area, const std::vector<std::string>& engines,
               unsigned depth) {
  out << "<details class=\"area" << (area.disagreements ? " disagree" : "") << "\""
      << (depth == 0 ? " open" : "") << "><summary><span class=\"area-name\">"
      << html_escape(area.name) << "</span>";
  for (const std::string& engine : engines) {
    auto count = area.per_engine.find(engine);
    out << "<span class=\"count\" title=\"" << html_escape(engine) << "\">" << html_escape(engine)
        << " ";
    if (count == area.per_engine.end()) {
      out << "—";
    } else {
      out << count->second.pass << "/" << count->second.total;
    }
    out << "</span>";
  }
  if (area.disagreements) {
    out << "<span class=\"badge\">" << area.disagreements << " disagree</span>";
  }
  out << " <a href=\"#filter=" << html_escape(area.path + "/") << "\">" << area.cases
      << (area.cases == 1 ? " case" : " cases") << "</a></summary>";
  for (const Rollup::Area* child : Rollup::ordered_children(area)) {
    area_tree(out, *child, engines, depth + 1);
  }
  out << "</details>\n";
}

// A row of the case × engine matrix.
std::string matrix_row(const ComparisonRow& row) {
  const Case& test = *row.test;
  std::string search = test.id + " " + test.description;
  for (const Result* result : row.cells) {
    if (result) search += " " + std::string(status_name(result->status));
  }
  std::ostringstream out;
  out << "<tr" << (row.disagree ? " class=\"disagree\"" : "") << " data-id=\""
      << html_escape(test.id) << "\" data-search=\"" << html_escape(lower(search)) << "\">";
  out << "<th scope=\"row\"><span class=\"id\">" << html_escape(test.id) << "</span>"
      << (row.disagree ? "<span class=\"badge\">disagree</span>" : "");
  if (!test.description.empty()) {
    out << "<div class=\"desc\">" << html_escape(test.description) << "</div>";
  }
  out << "<div class=\"file\">" << html_escape(test.file) << "</div></th>";
  for (const Result* result : row.cells) cell(out, result);
  out << "</tr>\n";
  return out.str();
}

}  // namespace

void HtmlReporter::write(const Summary& summary,
                         const std::function<void(std::string_view)>& sink) const {
  std::vector<std::string> engines;
  for (const EngineInfo& engine : run_.engines) engines.push_back(engine.name);
  CaseRows rows(results_, engines);
  CaseRows::Counts counts = rows.counts();

  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>settle: " << counts.cases << " cases on " << engines.size()
      << (engines.size() == 1 ? " engine" : " engines") << "</title>\n"
      << "<style>\n"
      << embedded::kComparisonCss << "</style>\n</head>\n<body>\n<header>\n"
      << "<h1>settle: engine comparison</h1>\n<p class=\"meta\">settle "
      << html_escape(run_.settle_version) << ", started " << html_escape(run_.started) << ". "
      << counts.cases << " cases, " << engines.size() << " engines, "
      << "<strong id=\"disagreement-count\">" << counts.disagreements
      << "</strong> where they disagree.</p>\n<p class=\"meta\"><code>"
      << html_escape(final_line(summary)) << "</code></p>\n</header>\n<main>\n";

  out << "<h2>Summary per engine</h2>\n<table id=\"summary\">\n<thead><tr><th>engine</th>"
      << "<th>version</th><th>adapter</th>";
  for (Status status : kAllStatuses) out << "<th>" << status_name(status) << "</th>";
  out << "<th>total</th></tr></thead>\n<tbody>\n";
  for (const EngineInfo& engine : run_.engines) {
    out << "<tr data-engine=\"" << html_escape(engine.name) << "\"><td>" << html_escape(engine.name)
        << "</td><td>" << html_escape(engine.version) << "</td><td>"
        << html_escape(std::string(adapter_name(engine.adapter))) << "</td>";
    const StatusCounts& engine_counts = summary_row(summary, engine.name);
    for (Status status : kAllStatuses) {
      out << "<td class=\"n\">" << engine_counts.count(status) << "</td>";
    }
    out << "<td class=\"n\">" << engine_counts.total() << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";

  const Rollup::Area root = rollup_.tree();
  if (!root.children.empty()) {
    out << "<h2>By area</h2>\n<div id=\"rollup\">\n";
    for (const Rollup::Area* area : Rollup::ordered_children(root)) {
      area_tree(out, *area, engines, 0);
    }
    out << "</div>\n";
  }

  out << "<h2>Cases × engines</h2>\n<div class=\"controls\">\n"
      << "<input id=\"filter\" type=\"search\" placeholder=\"Filter: words in the id, description "
         "or status\" aria-label=\"Filter the cases\" autocomplete=\"off\">\n"
      << "<label><input id=\"only-disagreements\" type=\"checkbox\"> only where the engines "
         "disagree</label>\n<span id=\"shown\"></span>\n</div>\n";
  out << "<table id=\"matrix\">\n<thead><tr><th>case</th>";
  for (const std::string& engine : engines) out << "<th>" << html_escape(engine) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  sink(out.str());
  out.str("");
  // The disagreements first, then the rest; each by id.
  for (bool disagree : {true, false}) {
    rows.for_each([&](const ComparisonRow& row) {
      if (row.disagree == disagree) sink(matrix_row(row));
    });
  }
  out << "</tbody>\n</table>\n</main>\n<script>\n"
      << embedded::kComparisonJs << "</script>\n</body>\n</html>\n";
  sink(out.str());
}

std::string HtmlReporter::render(const Summary& summary) const {
  std::string page;
  write(summary, [&](std::string_view part) { page.append(part); });
  return page;
}

void HtmlReporter::end(const Summary& summary) {
  AtomicFileWriter out(path_);
  try {
    write(summary, [&](std::string_view part) { out.write(part); });
  } catch (const ResultsUnreadable& error) {
    throw ReportWriteError("cannot write " + path_ + ": " + error.what());
  }
  out.commit();
}

}  // namespace settle
