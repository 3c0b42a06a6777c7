#include "reports/version_table_report.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/html_reporter.h"
#include "reports/markdown_text.h"

namespace settle {
namespace {

using Support = VersionTable::Support;

const char* support_name(Support support) {
  switch (support) {
    case Support::kFull:
      return "full";
    case Support::kPartial:
      return "partial";
    case Support::kNone:
      return "none";
  }
  return "none";
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// The text of a cell: "yes", "3/7", "no", or "—" where nothing ran.
std::string cell_text(const VersionTable::Row& row, std::size_t column) {
  if (row.total[column] == 0) return "—";
  if (row.is_case) return row.statuses[column];
  switch (row.support(column)) {
    case Support::kFull:
      return "yes";
    case Support::kPartial:
      return std::to_string(row.pass[column]) + "/" + std::to_string(row.total[column]);
    case Support::kNone:
      return "no";
  }
  return "";
}

bool several_groups(const VersionTable& table) { return table.groups().size() > 1; }

// A version's heading: "10.24.1", or with several engines swept, "node 10.24.1".
std::string column_heading(const VersionTable& table, const VersionTable::Column& column) {
  return several_groups(table) ? column.group + " " + column.version : column.version;
}

// One of a row's verdicts on every group: "10.2.0", or with several engines swept,
// "node 10.2.0; bun 1.1.45". `pick` gives the text of a verdict.
template <typename Pick>
std::string per_group(const VersionTable& table, const VersionTable::Row& row,
                      const std::string& separator, Pick pick) {
  if (!several_groups(table)) return pick(row.verdicts.front());
  std::string text;
  for (std::size_t g = 0; g < table.groups().size(); ++g) {
    std::string verdict = pick(row.verdicts[g]);
    text += (g ? separator : "") + table.groups()[g].name + " " + (verdict.empty() ? "—" : verdict);
  }
  return text;
}

std::string anchor(const std::string& name) {
  std::string id = "r-";
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return id;
}

}  // namespace

std::string version_table_json(const VersionTable& table, const VersionTableHeading& heading) {
  using nlohmann::json;
  json document = {{"format", "settle-versions/1"},
                   {"settle_version", heading.settle_version},
                   {"engine", heading.engine},
                   {"command", heading.command},
                   {"paths", heading.paths}};
  json versions = json::array();
  for (const auto& column : table.columns()) {
    versions.push_back({{"version", column.version},
                        {"engine", column.engine},
                        {"exact", column.exact},
                        {"group", column.group}});
  }
  document["versions"] = versions;
  json areas = json::array(), cases = json::array();
  for (const auto& row : table.rows()) {
    auto verdict_json = [](const VersionTable::Verdict& verdict) {
      return json{
          {"first_pass", verdict.first_full.empty() ? json(nullptr) : json(verdict.first_full)},
          {"first_partial",
           verdict.first_partial.empty() ? json(nullptr) : json(verdict.first_partial)},
          {"regressions", verdict.regressions}};
    };
    // The first group's verdict at the top (the whole table's, when one engine is swept), and
    // each group's by its engine.
    json record = verdict_json(row.verdicts.front());
    record[row.is_case ? "id" : "area"] = row.name;
    json by_engine = json::object();
    for (std::size_t g = 0; g < table.groups().size(); ++g)
      by_engine[table.groups()[g].name] = verdict_json(row.verdicts[g]);
    record["by_engine"] = by_engine;
    json cells = json::array();
    for (std::size_t column = 0; column < table.columns().size(); ++column) {
      if (row.is_case) {
        cells.push_back(row.statuses[column].empty() ? json(nullptr) : json(row.statuses[column]));
      } else {
        cells.push_back({{"pass", row.pass[column]},
                         {"total", row.total[column]},
                         {"support", support_name(row.support(column))}});
      }
    }
    record[row.is_case ? "statuses" : "cells"] = cells;
    if (!row.is_case) record["cases"] = row.cases.size();
    (row.is_case ? cases : areas).push_back(record);
  }
  document["areas"] = areas;
  document["cases"] = cases;
  return document.dump(2) + "\n";
}

std::string version_table_markdown(const VersionTable& table, const VersionTableHeading& heading) {
  std::ostringstream out;
  const auto rows = table.rows();
  out << "# " << markdown_cell(heading.engine) << " across versions\n\n";
  out << "`" << heading.command << "` (settle " << heading.settle_version << ")\n\n";
  out << "A cell is `yes` when every case of the area passes on that version, `P/T` when some do "
         "(partial), `no` when none does.\n\n";
  out << "| area | first full | first partial | regressions |";
  for (const auto& column : table.columns())
    out << " " << markdown_cell(column_heading(table, column)) << " |";
  out << "\n|---|---|---|---|";
  for (std::size_t i = 0; i < table.columns().size(); ++i) out << "---|";
  out << "\n";
  for (const auto& row : rows) {
    if (row.is_case) continue;
    auto or_dash = [](const std::string& text) { return text.empty() ? "—" : text; };
    out << "| " << markdown_code(row.name) << " | "
        << per_group(table, row, "<br>",
                     [&](const VersionTable::Verdict& v) { return or_dash(v.first_full); })
        << " | "
        << per_group(table, row, "<br>",
                     [&](const VersionTable::Verdict& v) { return or_dash(v.first_partial); })
        << " | "
        << per_group(table, row, "<br>",
                     [](const VersionTable::Verdict& v) { return joined(v.regressions); })
        << " |";
    for (std::size_t column = 0; column < table.columns().size(); ++column)
      out << " " << cell_text(row, column) << " |";
    out << "\n";
  }
  out << "\n## Cases\n\n| case | first pass | regressions |\n|---|---|---|\n";
  for (const auto& row : rows) {
    if (!row.is_case) continue;
    out << "| " << markdown_code(row.name) << " | "
        << per_group(table, row, "<br>",
                     [](const VersionTable::Verdict& v) {
                       return v.first_full.empty() ? std::string("never") : v.first_full;
                     })
        << " | "
        << per_group(table, row, "<br>",
                     [](const VersionTable::Verdict& v) { return joined(v.regressions); })
        << " |\n";
  }
  out << "\nVersions: ";
  std::string exact;
  for (const auto& column : table.columns()) exact += (exact.empty() ? "" : ", ") + column.exact;
  out << markdown_cell(exact) << ".\n";
  return out.str();
}

std::string version_table_html(const VersionTable& table, const VersionTableHeading& heading) {
  std::ostringstream out;
  const auto rows = table.rows();
  const std::size_t width = table.columns().size();
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
      << html_escape(heading.engine) << " across versions</title>\n<style>\n"
      << "body{font:14px system-ui,sans-serif;margin:1.5em}"
         "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 6px;"
         "text-align:center;white-space:nowrap}th.row,td.row{text-align:left}"
         "thead th{background:#f3f3f3;position:sticky;top:0}thead th.group{position:static}"
         "td.full{background:#d5f5d5}td.partial{background:#fff1b8}td.none{background:#f8d0d0}"
         "td.empty{background:#eee;color:#888}td "
         "a{color:inherit;text-decoration:none;display:block}"
         "tr.case td.row{padding-left:2em;font-size:12px}tr.case td{font-size:12px}"
         "tr.area td.row{font-weight:600}.legend span{padding:2px 8px;margin-right:6px}"
         "\n</style></head><body>\n";
  out << "<h1>" << html_escape(heading.engine) << " across versions</h1>\n<p><code>"
      << html_escape(heading.command) << "</code> &middot; settle "
      << html_escape(heading.settle_version) << "</p>\n";
  out << "<p class=\"legend\"><span style=\"background:#d5f5d5\">full support: every case "
         "passes</span><span style=\"background:#fff1b8\">partial: some pass</span><span "
         "style=\"background:#f8d0d0\">no support</span><span style=\"background:#eee\">not "
         "run</span></p>\n";
  out << "<table>\n<thead>";
  if (several_groups(table)) {  // a heading row of the engines, each over its versions
    out << "<tr><th class=\"row\"></th><th></th>";
    for (const auto& group : table.groups()) {
      out << "<th class=\"group\" colspan=\"" << group.end - group.begin << "\">"
          << html_escape(group.name) << "</th>";
    }
    out << "</tr>";
  }
  out << "<tr><th class=\"row\">area / case</th><th>first full</th>";
  for (const auto& column : table.columns()) {
    out << "<th title=\"" << html_escape(column.exact) << "\">" << html_escape(column.version)
        << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    // An area's cells link to its first case's row; a case row is the area's detail.
    std::string target = row.is_case ? "" : "#" + anchor(row.cases.front());
    out << "<tr class=\"" << (row.is_case ? "case" : "area") << "\" id=\"" << anchor(row.name)
        << "\"><td class=\"row\">" << html_escape(row.name) << "</td><td>";
    for (std::size_t g = 0; g < row.verdicts.size(); ++g) {
      const VersionTable::Verdict& verdict = row.verdicts[g];
      if (g) out << "<br>";
      if (several_groups(table)) out << html_escape(table.groups()[g].name) << " ";
      out << html_escape(verdict.first_full.empty() ? "—" : verdict.first_full);
      if (!verdict.regressions.empty())
        out << "<br><small>fails again: " << html_escape(joined(verdict.regressions)) << "</small>";
    }
    out << "</td>";
    for (std::size_t column = 0; column < width; ++column) {
      const char* kind = row.total[column] == 0 ? "empty" : support_name(row.support(column));
      std::string text = html_escape(cell_text(row, column));
      out << "<td class=\"" << kind << "\" title=\"" << html_escape(table.columns()[column].exact)
          << "\">";
      if (target.empty()) {
        out << text;
      } else {
        out << "<a href=\"" << target << "\">" << text << "</a>";
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table>\n</body></html>\n";
  return out.str();
}

}  // namespace settle
