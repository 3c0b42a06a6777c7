#include "runner/corpus/discover.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace settle {
namespace fs = std::filesystem;
namespace {

// Settle case files, and scripts that may be test262 tests (the loader reads their front matter).
// A test262 _FIXTURE file, of any extension (a module, a JSON module's text), is something tests
// import, never a test or a case file of its own.
bool is_case_file(const fs::path& path) {
  if (path.filename().string().find("_FIXTURE") != std::string::npos) return false;
  return path.extension() == ".json" || path.extension() == ".js";
}

fs::path absolute_of(const fs::path& path) {
  std::error_code error;
  fs::path result = fs::weakly_canonical(fs::absolute(path), error);
  return error ? fs::absolute(path).lexically_normal() : result;
}

fs::path root_for(const fs::path& file, const fs::path& named_folder,
                  const std::optional<std::string>& case_root) {
  if (case_root) return absolute_of(*case_root);
  fs::path absolute = absolute_of(file);
  for (fs::path folder = absolute.parent_path(); folder.has_relative_path();
       folder = folder.parent_path()) {
    if (folder.filename() == "cases") return folder;
  }
  return absolute_of(named_folder);
}

std::string id_prefix_of(const fs::path& file, const fs::path& root) {
  fs::path relative = absolute_of(file).lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") relative = file.filename();
  relative.replace_extension();
  return relative.generic_string();
}

}  // namespace

Discovery discover(const std::vector<std::string>& paths,
                   const std::optional<std::string>& case_root) {
  Discovery discovery;
  std::set<std::string> seen;
  auto add = [&](const fs::path& file, const fs::path& named_folder, bool named) {
    std::string shown = file.lexically_normal().generic_string();
    if (!seen.insert(shown).second) return;
    discovery.files.push_back(
        {shown, id_prefix_of(file, root_for(file, named_folder, case_root)), named});
  };

  for (const std::string& argument : paths) {
    fs::path path(argument);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator
               it(path, fs::directory_options::skip_permission_denied, error),
           end;
           !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error) && is_case_file(it->path())) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      for (const auto& file : found) add(file, path, false);
    } else if (fs::is_regular_file(path, error)) {
      add(path, path.has_parent_path() ? path.parent_path() : fs::path("."), true);
    } else {
      discovery.errors.push_back(InputError{argument, kNoPosition, "", "no such file or folder"});
    }
  }
  std::sort(discovery.files.begin(), discovery.files.end(),
            [](const CaseFileRef& a, const CaseFileRef& b) { return a.path < b.path; });
  return discovery;
}

}  // namespace settle
