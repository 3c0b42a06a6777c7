#include "reports/history_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "reports/heatmap.h"
#include "reports/html_reporter.h"

namespace settle {
namespace {

// Per run, per engine: pass/total.
std::map<long long, std::map<std::string, Rollup::Count>> counts_by_run(const ResultsStore& store) {
  std::map<long long, std::map<std::string, Rollup::Count>> counts;
  for (const auto& run : store.runs()) {
    auto& per_engine = counts[run.id];
    for (const auto& result : store.results(run.id)) {
      Rollup::Count& count = per_engine[result.engine];
      ++count.total;
      if (result.status == "pass") ++count.pass;
    }
  }
  return counts;
}

std::string area_of(const std::string& id) { return id.substr(0, id.find('/')); }

// A change of one case on one engine between two runs.
struct Change {
  long long before_run, after_run;
  std::string case_id, engine, before, after;
};

std::vector<Change> changes_between(const ResultsStore& store, long long before, long long after) {
  std::map<std::pair<std::string, std::string>, ResultsStore::ResultRecord> old;
  for (auto& result : store.results(before)) old[{result.case_id, result.engine}] = result;
  std::vector<Change> changes;
  for (auto& result : store.results(after)) {
    auto found = old.find({result.case_id, result.engine});
    if (found == old.end()) continue;
    const auto& was = found->second;
    if (was.status == result.status && was.observation_digest == result.observation_digest)
      continue;
    std::string before_text = was.status, after_text = result.status;
    if (was.status == result.status) {
      before_text += " (observation " + was.observation_digest.substr(0, 8) + ")";
      after_text += " (observation " + result.observation_digest.substr(0, 8) + ")";
    }
    changes.push_back({before, after, result.case_id, result.engine, before_text, after_text});
  }
  return changes;
}

}  // namespace

std::string history_text(const ResultsStore& store) {
  std::ostringstream out;
  auto runs = store.runs();
  auto counts = counts_by_run(store);
  out << "run  started               complete  engines (passed/total, exact version)\n";
  for (const auto& run : runs) {
    out << run.id
        << std::string(run.id < 10    ? 4
                       : run.id < 100 ? 3
                                      : 2,
                       ' ')
        << run.started << "  " << (run.complete ? "yes     " : "no      ") << " ";
    bool first = true;
    for (const auto& [engine, count] : counts[run.id]) {
      auto version = run.engines.find(engine);
      out << (first ? "" : ", ") << engine << " " << count.pass << "/" << count.total;
      if (version != run.engines.end()) out << " (" << version->second << ")";
      first = false;
    }
    out << "\n";
  }
  if (runs.empty()) out << "(no runs stored)\n";
  return out.str();
}

std::string case_history_text(const ResultsStore& store, const std::string& case_id) {
  std::ostringstream out;
  auto history = store.case_history(case_id);
  std::map<long long, std::string> started;
  for (const auto& run : store.runs()) started[run.id] = run.started;
  out << case_id << ": the runs where its status or observation changed\n";
  std::string engine;
  const ResultsStore::ResultRecord* previous = nullptr;
  for (const auto& [run, result] : history) {
    if (result.engine != engine) {
      engine = result.engine;
      previous = nullptr;
      out << "  " << engine << "\n";
    }
    if (!previous || previous->status != result.status ||
        previous->observation_digest != result.observation_digest) {
      out << "    run " << run << " (" << started[run] << "): " << result.status << "  observation "
          << result.observation_digest;
      if (!result.message.empty()) {
        std::string message = result.message.substr(0, result.message.find('\n'));
        out << "  " << message;
      }
      out << "\n";
    }
    previous = &result;
  }
  if (history.empty()) out << "  (no stored result)\n";
  return out.str();
}

std::string stored_diff_text(const ResultsStore& store, long long before, long long after,
                             std::size_t* regressions) {
  std::set<long long> ids;
  for (const auto& run : store.runs()) ids.insert(run.id);
  for (long long id : {before, after}) {
    if (!ids.count(id)) throw StoreError("no run " + std::to_string(id) + " in the store");
  }
  std::ostringstream out;
  auto changes = changes_between(store, before, after);
  std::size_t worse = 0;
  out << "run " << before << " -> run " << after << ": " << changes.size() << " changed\n";
  for (const auto& change : changes) {
    bool regression = change.before.rfind("pass", 0) == 0 && change.after.rfind("pass", 0) != 0;
    if (regression) ++worse;
    out << "  " << (regression ? "regressed " : "changed   ") << change.engine << "  "
        << change.case_id << ": " << change.before << " -> " << change.after << "\n";
  }
  if (regressions) *regressions = worse;
  return out.str();
}

std::string history_html(const ResultsStore& store) {
  auto runs = store.runs();
  auto counts = counts_by_run(store);
  std::set<std::string> engines;
  for (const auto& [run, per_engine] : counts)
    for (const auto& [engine, count] : per_engine) engines.insert(engine);
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>settle "
         "history</title>\n<style>body{font:14px system-ui,sans-serif;margin:1.5em}"
         "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 8px}"
         "td.n{text-align:right}.trend{display:inline-block;margin:0 1.5em 1em 0}"
         "svg{background:#fafafa;border:1px solid #ddd}</style></head><body>\n";
  out << "<h1>settle history</h1>\n<p>" << runs.size() << " stored runs</p>\n";
  // Trends: each engine's pass share over the runs that ran it.
  out << "<h2>Trend per engine</h2>\n";
  for (const std::string& engine : engines) {
    std::vector<std::pair<long long, double>> points;
    for (const auto& run : runs) {
      auto found = counts[run.id].find(engine);
      if (found == counts[run.id].end() || found->second.total == 0) continue;
      points.emplace_back(run.id, double(found->second.pass) / found->second.total);
    }
    const int width = 320, height = 120;
    out << "<div class=\"trend\"><div>" << html_escape(engine) << " &middot; latest "
        << (points.empty() ? "—" : percent(std::size_t(points.back().second * 1000), 1000))
        << "</div><svg class=\"trend-chart\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << " " << height << "\" role=\"img\"><polyline "
        << "fill=\"none\" stroke=\"#2a7\" stroke-width=\"2\" points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
      double x = points.size() == 1 ? width / 2.0 : 10 + (width - 20.0) * i / (points.size() - 1);
      double y = 10 + (height - 20.0) * (1 - points[i].second);
      out << x << "," << y << " ";
    }
    out << "\"/>";
    for (std::size_t i = 0; i < points.size(); ++i) {
      double x = points.size() == 1 ? width / 2.0 : 10 + (width - 20.0) * i / (points.size() - 1);
      double y = 10 + (height - 20.0) * (1 - points[i].second);
      out << "<circle cx=\"" << x << "\" cy=\"" << y << "\" r=\"3\" fill=\"#2a7\"><title>run "
          << points[i].first << ": " << percent(std::size_t(points[i].second * 1000), 1000)
          << "</title></circle>";
    }
    out << "</svg></div>\n";
  }
  // The latest run: heatmap of areas x engines and the interop score.
  if (!runs.empty()) {
    const auto& latest = runs.back();
    std::map<std::string, HeatmapRow> heat;                    // by area
    std::map<std::string, std::map<std::string, bool>> every;  // area -> case -> passes on all
    std::set<std::string> latest_engines;
    for (const auto& result : store.results(latest.id)) {
      std::string area = area_of(result.case_id);
      Rollup::Count& count = heat[area].per_engine[result.engine];
      ++count.total;
      if (result.status == "pass") ++count.pass;
      if (result.status == "skip") ++count.skip;
      auto [it, fresh] = every[area].emplace(result.case_id, true);
      it->second = it->second && result.status == "pass";
      latest_engines.insert(result.engine);
    }
    std::vector<HeatmapRow> rows;
    for (auto& [area, row] : heat) {
      row.area = area;
      row.cases = every[area].size();
      for (const auto& [id, passes] : every[area]) row.everywhere += passes ? 1 : 0;
      rows.push_back(std::move(row));
    }
    out << "<h2>Latest run (" << latest.id << ", " << html_escape(latest.started)
        << "): areas &times; engines</h2>\n"
        << heatmap_table({latest_engines.begin(), latest_engines.end()}, rows);
    out << "<p>interop: the share of an area's cases that pass on every engine of the "
           "run.</p>\n";
  }
  // Changes between consecutive runs of the same engines.
  out << "<h2>Changes</h2>\n";
  std::size_t shown = 0;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    auto changes = changes_between(store, runs[i - 1].id, runs[i].id);
    if (changes.empty()) continue;
    out << "<h3>run " << runs[i - 1].id << " &rarr; " << runs[i].id << " (" << changes.size()
        << ")</h3>\n<ul class=\"changes\">\n";
    for (const auto& change : changes) {
      if (++shown > 2000) break;
      out << "<li><code>" << html_escape(change.case_id) << "</code> on "
          << html_escape(change.engine) << ": " << html_escape(change.before) << " &rarr; "
          << html_escape(change.after) << "</li>\n";
    }
    out << "</ul>\n";
  }
  if (shown == 0) out << "<p>No case changed between consecutive runs.</p>\n";
  out << "</body></html>\n";
  return out.str();
}

}  // namespace settle
