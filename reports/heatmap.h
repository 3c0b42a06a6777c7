#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/rollup.h"

namespace settle {

// One area of a run, as the heatmap shows it.
struct HeatmapRow {
  std::string area;
  std::map<std::string, Rollup::Count> per_engine;
  std::size_t cases = 0;
  std::size_t everywhere = 0;  // the cases that pass on every engine
};

// A table of areas × engines (the history dashboard's and the comparison page's): each cell
// pass/total, shaded from red (none pass) to green (all pass), its skips in its title; and an
// interop column, the share of an area's cases that pass on every engine (as wpt.fyi's score).
// Style-free but for the shading; the table has class "heatmap".
std::string heatmap_table(const std::vector<std::string>& engines,
                          const std::vector<HeatmapRow>& rows);

// A percentage, rounded: 7 of 9 is "78%".
std::string percent(std::size_t part, std::size_t whole);

}  // namespace settle
