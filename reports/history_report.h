#pragma once

#include <string>

#include "reports/results_store.h"

namespace settle {

// `settle history`: per engine, pass counts over the stored runs.
std::string history_text(const ResultsStore& store);

// Per case, only the runs where its status or observation changed (as wpt.fyi's history does).
std::string case_history_text(const ResultsStore& store, const std::string& case_id);

// `settle diff RUN RUN --store`: the cases whose status or observation differs between two runs.
std::string stored_diff_text(const ResultsStore& store, long long before, long long after,
                             std::size_t* regressions);

// `settle history --html`: a dashboard that needs no network: a trend per engine (inline SVG),
// a heatmap of areas x engines for the latest run, an interop score per area (the share of
// cases that pass on every engine), and the cases that changed between consecutive runs.
std::string history_html(const ResultsStore& store);

}  // namespace settle
