#include "runner/cli/report_options.h"

#include <iostream>

#include "reports/atomic_file.h"

namespace settle::cli {

void add_report_options(CLI::App& command, ReportPaths& paths, const std::string& json_names,
                        bool json_required) {
  for (const ReportFormat& format : report_formats()) {
    bool json = format.name == "json";
    std::string names = json && !json_names.empty() ? json_names + "," + format.flag : format.flag;
    CLI::Option* option = command.add_option(names, paths[format.name], format.help);
    if (json && json_required) option->required();
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
