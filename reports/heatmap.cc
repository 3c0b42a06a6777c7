#include "reports/heatmap.h"

#include <cstdio>
#include <sstream>

#include "reports/html_reporter.h"

namespace settle {

std::string percent(std::size_t part, std::size_t whole) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", whole ? 100.0 * part / whole : 0.0);
  return text;
}

std::string heatmap_table(const std::vector<std::string>& engines,
                          const std::vector<HeatmapRow>& rows) {
  std::ostringstream out;
  out << "<table class=\"heatmap\"><tr><th>area</th>";
  for (const std::string& engine : engines) out << "<th>" << html_escape(engine) << "</th>";
  out << "<th>interop</th></tr>\n";
  for (const HeatmapRow& row : rows) {
    out << "<tr><td>" << html_escape(row.area) << "</td>";
    for (const std::string& engine : engines) {
      auto found = row.per_engine.find(engine);
      if (found == row.per_engine.end()) {
        out << "<td></td>";
        continue;
      }
      const Rollup::Count& count = found->second;
      double share = count.total ? double(count.pass) / count.total : 0;
      int red = int(230 - 110 * share), green = int(120 + 110 * share);
      out << "<td class=\"n heat\" style=\"background:rgb(" << red << "," << green << ",140)\"";
      if (count.skip) out << " title=\"" << count.skip << " skipped\"";
      out << ">" << count.pass << "/" << count.total << "</td>";
    }
    out << "<td class=\"n interop\">" << percent(row.everywhere, row.cases) << "</td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

}  // namespace settle
