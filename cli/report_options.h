#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reports/report_formats.h"

namespace settle::cli {

// How a command names its JSON report's option when it is not the table's flag (merge: -o).
struct JsonReportOption {
  std::string names;  // "-o,--output"
  std::string help;
  bool required = false;
};

// Adds an option per report format (reports/report_formats.h) to `command`, each setting its
// format's entry of `paths`, which must outlive the command.
void add_report_options(CLI::App& command, ReportPaths& paths,
                        const std::optional<JsonReportOption>& json = std::nullopt);

// Tries, before any work is done, that every path that is not empty could be written; throws
// CliError (bad input) saying why one could not (a missing folder, no permission, a folder by that
// name).
void require_report_paths_writable(const std::vector<std::string>& paths);

// A file a command reads, for report_path_clash: its option ("--baseline") and path.
struct NamedPath {
  std::string option;
  std::string path;
};

// Why the files a command writes clash, or empty: one file named for two reports (a character
// device, /dev/null, may take many), or a report that would replace a file the command reads.
// Paths are compared as the files they name, through links and `..`.
std::string report_path_clash(const std::vector<NamedPath>& written,
                              const std::vector<NamedPath>& read);

// The paths of `paths`, with their options, in the table's order.
std::vector<NamedPath> named_paths_of(const ReportPaths& paths);

// The paths of `paths`, in the table's order.
std::vector<std::string> paths_of(const ReportPaths& paths);

}  // namespace settle::cli
