#include "runner/corpus/test262_checkout.h"

#include <algorithm>
#include <system_error>
#include <vector>

#include "runner/corpus/harness_include_name.h"
#include "runner/corpus/test262_host_needs.h"
#include "runner/input/real_path.h"
#include "runner/input/text_file.h"

namespace settle {
namespace fs = std::filesystem;
namespace {

// Module files are read whole and sent to every engine process that runs a test of their folder.
constexpr std::uintmax_t kMaxModuleFileBytes = 1u << 20;

}  // namespace

Test262Checkout::Test262Checkout(fs::path root) : root_(std::move(root)) {}

const HarnessLookup& Test262Checkout::harness_file(const std::string& name) {
  auto found = harness_.find(name);
  if (found != harness_.end()) return found->second;
  return harness_.emplace(name, read_harness_file(name)).first->second;
}

HarnessLookup Test262Checkout::read_harness_file(const std::string& name) const {
  if (std::optional<std::string> problem = harness_include_name_problem(name)) {
    return {nullptr, *problem};
  }
  const fs::path folder = root_ / "harness";
  std::optional<fs::path> real_folder = real_path(folder);
  std::optional<fs::path> real = real_path(folder / name);
  if (!real_folder || !real) {
    return {nullptr, "harness file " + name + " not found in " + folder.string()};
  }
  std::optional<fs::path> real_root = real_path(root_);
  if (!real_root || !is_inside(*real_folder, *real_root)) {
    return {nullptr, folder.string() + " is a symlink to " + real_folder->string() +
                         ", outside the checkout; settle reads no harness file outside it"};
  }
  // A symlink in harness/ is followed only as far as the harness folder.
  if (!is_inside(*real, *real_folder)) {
    return {nullptr, "harness file " + name + " is a symlink to " + real->string() + ", outside " +
                         folder.string() + "; settle reads no file outside it"};
  }
  std::error_code error;
  if (!fs::is_regular_file(*real, error)) {
    return {nullptr, "harness file " + name + " is not a regular file"};
  }
  std::optional<std::string> code = read_text_file(real->string());
  if (!code) return {nullptr, "harness file " + name + " cannot be read"};
  return {std::make_shared<HarnessFile>(HarnessFile{name, std::move(*code)}), ""};
}

const std::set<std::string>& Test262Checkout::harness_needs(const std::string& name) {
  auto found = harness_needs_.find(name);
  if (found != harness_needs_.end()) return found->second;
  std::set<std::string>& needs = harness_needs_[name];
  if (const auto& file = harness_file(name).file) add_host_needs(file->code, needs);
  return needs;
}

const ModuleFolderLookup& Test262Checkout::module_folder(const std::string& folder) {
  auto found = folders_.find(folder);
  if (found != folders_.end()) return found->second;
  return folders_.emplace(folder, read_module_folder(folder)).first->second;
}

ModuleFolderLookup Test262Checkout::read_module_folder(const std::string& folder) const {
  auto files = std::make_shared<ModuleFolder>();
  files->path = folder;
  const fs::path where = root_ / folder;
  std::optional<fs::path> real_folder = real_path(where);
  if (!real_folder) return {files, ""};
  // Each file with the real path it is read from; the files whose real path leaves the folder
  // (symlinks), which are never read.
  std::vector<std::pair<fs::path, fs::path>> paths;
  std::vector<std::string> leading_out;
  std::error_code error;
  for (fs::directory_iterator it(*real_folder, error), end; !error && it != end;
       it.increment(error)) {
    std::optional<fs::path> real = real_path(it->path());
    std::error_code type_error;
    if (!real || !fs::is_regular_file(*real, type_error)) continue;  // folders, dangling links
    if (!is_inside(*real, *real_folder)) {
      leading_out.push_back(it->path().filename().string() + " -> " + real->string());
    } else if (fs::file_size(*real, type_error) <= kMaxModuleFileBytes && !type_error) {
      paths.emplace_back(it->path().filename(), *real);
    }
  }
  if (!leading_out.empty()) {
    std::sort(leading_out.begin(), leading_out.end());
    std::string listed;
    for (const std::string& link : leading_out) listed += (listed.empty() ? "" : ", ") + link;
    return {nullptr, "the test's folder " + where.string() +
                         " holds symlinks to files outside it (" + listed +
                         "); a module test gets only files of its own folder"};
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& [name, real] : paths) {
    if (std::optional<std::string> code = read_text_file(real.string())) {
      files->files.push_back({folder + "/" + name.string(), std::move(*code)});
    }
  }
  return {files, ""};
}

bool is_test262_root(const fs::path& folder) {
  std::error_code error;
  return fs::is_regular_file(folder / "harness" / "assert.js", error) &&
         fs::is_directory(folder / "test", error);
}

std::optional<fs::path> find_test262_root(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path), error);
  if (error) absolute = fs::absolute(path).lexically_normal();
  for (fs::path folder = absolute; folder.has_relative_path(); folder = folder.parent_path()) {
    if (is_test262_root(folder)) return folder;
  }
  return std::nullopt;
}

}  // namespace settle
