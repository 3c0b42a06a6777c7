#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "reports/report_formats.h"

namespace settle::cli {

// Adds an option per report format (reports/report_formats.h) to `command`, each setting its
// format's entry of `paths`; `paths` must outlive the command. The JSON report's option also
// takes the names in `json_names` ("-o,--output" for merge), and is required when `json_required`.
void add_report_options(CLI::App& command, ReportPaths& paths, const std::string& json_names = "",
                        bool json_required = false);

// Whether every path that is not empty could be written, tried before any work is done; says on
// stderr why one could not (a missing folder, no permission, a folder by that name).
bool report_paths_writable(const std::vector<std::string>& paths);

// The paths of `paths`, in the table's order.
std::vector<std::string> paths_of(const ReportPaths& paths);

}  // namespace settle::cli
