#include "cli/report_options.h"

#include <iostream>

#include "reports/atomic_file.h"

namespace settle::cli {

void add_report_options(CLI::App& command, ReportPaths& paths,
                        const std::optional<JsonReportOption>& json) {
  for (const ReportFormat& format : report_formats()) {
    if (json && format.name == "json") {
      CLI::Option* option = command.add_option(json->names, paths[format.name], json->help);
      if (json->required) option->required();
    } else {
      command.add_option(format.flag, paths[format.name], format.help);
    }
  }
}

bool report_paths_writable(const std::vector<std::string>& paths) {
  try {
    for (const std::string& path : paths) {
      if (!path.empty()) check_writable(path);
    }
  } catch (const ReportWriteError& error) {
    std::cerr << "settle: " << error.what() << "\n";
    return false;
  }
  return true;
}

std::vector<std::string> paths_of(const ReportPaths& paths) {
  std::vector<std::string> listed;
  for (const ReportFormat& format : report_formats()) {
    auto path = paths.find(format.name);
    if (path != paths.end()) listed.push_back(path->second);
  }
  return listed;
}

}  // namespace settle::cli
