#pragma once

#include <string>

#include "runner/gate/version_table.h"

namespace settle {

// What a `settle versions` report says besides the table.
struct VersionTableHeading {
  std::string engine;  // "node", "node-current+core-js"
  std::string settle_version;
  std::string command;  // the command line that made it
  std::string paths;    // the case paths
};

// "settle-versions/1": the columns, then every area and case row with its cells.
std::string version_table_json(const VersionTable& table, const VersionTableHeading& heading);

// A Markdown page: the areas as rows and the versions as columns, then each case's first
// passing version and regressions.
std::string version_table_markdown(const VersionTable& table, const VersionTableHeading& heading);

// A self-contained HTML page laid out like MDN's compatibility table: versions as columns, areas
// as rows, green (every case passes), yellow (some do) and red (none) cells, each linking to the
// rows of its cases.
std::string version_table_html(const VersionTable& table, const VersionTableHeading& heading);

}  // namespace settle
