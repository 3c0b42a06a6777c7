#include "cli/report_options.h"

#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "cli/cli_error.h"
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

void require_report_paths_writable(const std::vector<std::string>& paths) {
  try {
    for (const std::string& path : paths) {
      if (!path.empty()) check_writable(path);
    }
  } catch (const ReportWriteError& error) {
    throw CliError(ExitStatus::kBadInput, error.what());
  }
}

namespace {

// What identifies the file a path names: its device and inode when it is there, else its path
// made absolute without links.
struct FileIdentity {
  bool exists = false;
  bool character_device = false;
  dev_t device = 0;
  ino_t inode = 0;
  std::string path;

  bool same_as(const FileIdentity& other) const {
    if (exists && other.exists) return device == other.device && inode == other.inode;
    return !exists && !other.exists && path == other.path;
  }
};

FileIdentity identity_of(const std::string& path) {
  FileIdentity identity;
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    identity.exists = true;
    identity.character_device = S_ISCHR(status.st_mode);
    identity.device = status.st_dev;
    identity.inode = status.st_ino;
  }
  // A file yet to be made: the real path of its folder, and its name.
  std::filesystem::path given(path);
  std::filesystem::path folder = given.parent_path().empty() ? "." : given.parent_path();
  std::error_code error;
  std::filesystem::path real_folder = std::filesystem::canonical(folder, error);
  if (error) real_folder = std::filesystem::absolute(folder, error).lexically_normal();
  identity.path = (real_folder / given.filename()).string();
  return identity;
}

}  // namespace

std::string report_path_clash(const std::vector<NamedPath>& written,
                              const std::vector<NamedPath>& read) {
  std::vector<FileIdentity> outputs;
  for (std::size_t i = 0; i < written.size(); ++i) {
    outputs.push_back(identity_of(written[i].path));
    for (std::size_t j = 0; j < i; ++j) {
      if (outputs[i].same_as(outputs[j]) && !outputs[i].character_device) {
        return written[j].option + " " + written[j].path + " and " + written[i].option + " " +
               written[i].path + " name the same file: each report needs a file of its own";
      }
    }
  }
  for (const NamedPath& input : read) {
    FileIdentity identity = identity_of(input.path);
    if (!identity.exists) continue;
    for (std::size_t i = 0; i < written.size(); ++i) {
      if (outputs[i].same_as(identity)) {
        return written[i].option + " " + written[i].path + " would replace " + input.option + " " +
               input.path + ", which this command reads";
      }
    }
  }
  return "";
}

std::vector<NamedPath> named_paths_of(const ReportPaths& paths) {
  std::vector<NamedPath> listed;
  for (const ReportFormat& format : report_formats()) {
    auto path = paths.find(format.name);
    if (path != paths.end() && !path->second.empty()) listed.push_back({format.flag, path->second});
  }
  return listed;
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
