#include "reports/html_reporter.h"

#include <cmath>
#include <map>
#include <sstream>

#include "reports/atomic_file.h"
#include "reports/case_rows.h"
#include "reports/heatmap.h"
#include "reports/report_text.h"
#include "reports/result_json.h"
#include "reports/xml_text.h"
#include "runner/model/value_json.h"

namespace settle {
namespace embedded {
extern const char* const kComparisonCss;
extern const char* const kComparisonJs;
}  // namespace embedded

namespace {

using nlohmann::json;

// JSON as the text of a <script type="application/json">: a "<" (in a string: nowhere else)
// becomes \u003c, so that no "</script>" or "<!--" can end or change the element.
std::string script_json(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// What a cell opens to, but for the expected pattern (once per row) and the duration (per cell):
// engines that observed the same share it.
json cell_details(const Result& result) {
  json details = json::object();
  const Observation& observed = result.observed;
  if (std::optional<Outcome> state = observed.state()) {
    details["s"] = std::string(outcome_name(*state));
    if (*state != Outcome::kPending) details["v"] = json_of(observed.value());
  }
  details["l"] = json_of(observed.log);
  if (!json_of(observed.globals).empty()) details["g"] = json_of(observed.globals);
  if (!observed.printed.empty()) details["p"] = observed.printed;
  if (!result.message.empty()) details["m"] = result.message;
  if (result.known_failure) details["k"] = *result.known_failure;
  return details;
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
  if (area.skipped) {
    out << "<span class=\"badge skipped\">" << area.skipped << " skipped on some engine</span>";
  }
  out << " <a href=\"#filter=" << html_escape(area.path + "/") << "\">" << area.cases
      << (area.cases == 1 ? " case" : " cases") << "</a></summary>";
  for (const Rollup::Area* child : Rollup::ordered_children(area)) {
    area_tree(out, *child, engines, depth + 1);
  }
  out << "</details>\n";
}

// A row of the case × engine matrix: the case, and each engine's status. What each cell opens
// to is in the page's data (row_details), which its script puts into the cells.
std::string matrix_row(const ComparisonRow& row) {
  const Case& test = *row.test;
  std::ostringstream out;
  out << "<tr" << (row.disagree ? " class=\"disagree\"" : "") << " data-id=\""
      << html_escape(test.id) << "\">";
  out << "<th scope=\"row\"><span class=\"id\">" << html_escape(test.id) << "</span>"
      << (row.disagree ? "<span class=\"badge\">disagree</span>" : "");
  if (row.skipped) out << "<span class=\"badge skipped\">skipped on " << row.skipped << "</span>";
  if (!test.description.empty()) {
    out << "<div class=\"desc\">" << html_escape(test.description) << "</div>";
  }
  out << "<div class=\"file\">" << html_escape(test.file) << "</div></th>";
  for (const Result* result : row.cells) {
    if (!result) {
      out << "<td class=\"cell none\">—</td>";
      continue;
    }
    std::string status(status_name(result->status));
    out << "<td class=\"cell " << status << (result->known_failure ? " known" : "") << "\">"
        << status << "</td>";
  }
  out << "</tr>\n";
  return out.str();
}

// What the cells of a row open to: {"x": the expected pattern, "o": the distinct observations,
// "c": per engine [its observation's index, its duration in ms] or null}.
std::string row_details(const ComparisonRow& row) {
  json details = {
      {"x", expected_json(row.test->expect)}, {"o", json::array()}, {"c", json::array()}};
  std::map<std::string, std::size_t> seen;  // an observation's text -> its index
  for (const Result* result : row.cells) {
    if (!result) {
      details["c"].push_back(nullptr);
      continue;
    }
    json observation = cell_details(*result);
    auto [found, fresh] = seen.emplace(script_json(observation), seen.size());
    if (fresh) details["o"].push_back(std::move(observation));
    details["c"].push_back({found->second, std::round(result->duration_ms * 100) / 100});
  }
  return script_json(details);
}

// The top-level areas of the run, for the heatmap.
std::vector<HeatmapRow> heatmap_rows(const Rollup::Area& root) {
  std::vector<HeatmapRow> rows;
  for (const auto& [name, area] : root.children) {
    rows.push_back({area.path, area.per_engine, area.cases, area.everywhere});
  }
  return rows;
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
      << "</strong> where the engines that ran them disagree";
  if (counts.skipped) {
    out << ", <span id=\"skipped-count\">" << counts.skipped
        << "</span> skipped on some engine (a skip is not a disagreement)";
  }
  out << ".</p>\n<p class=\"meta\"><code>" << html_escape(final_line(summary))
      << "</code></p>\n</header>\n<main>\n";

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
    out << "<h2>Areas &times; engines</h2>\n"
        << heatmap_table(engines, heatmap_rows(root))
        << "<p class=\"meta\">pass/total; interop: the share of an area's cases that pass on "
           "every engine.</p>\n";
  }
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
  // What the cells open to, a row at a time in the rows' order.
  sink("</tbody>\n</table>\n</main>\n<script type=\"application/json\" id=\"cell-details\">[\n");
  bool first = true;
  for (bool disagree : {true, false}) {
    rows.for_each([&](const ComparisonRow& row) {
      if (row.disagree != disagree) return;
      sink(first ? "" : ",\n");
      sink(row_details(row));
      first = false;
    });
  }
  out << "\n]</script>\n<script>\n" << embedded::kComparisonJs << "</script>\n</body>\n</html>\n";
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
