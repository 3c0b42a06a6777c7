#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "runner/model/test262_run.h"

namespace settle {

// A harness file of a checkout, or why an include cannot be one.
struct HarnessLookup {
  std::shared_ptr<const HarnessFile> file;
  std::string problem;  // when there is no file
};

// The files of a test's folder, or why the folder cannot be given to the test.
struct ModuleFolderLookup {
  std::shared_ptr<const ModuleFolder> folder;
  std::string problem;  // when there is no folder
};

// A test262 checkout (its root holds harness/ and test/), with its harness files read at most once
// per run, however many tests include them. Nothing is read from outside the folder it belongs
// to: a symlink is followed only as far as its real path stays inside the harness folder, or
// inside the test's folder.
class Test262Checkout {
 public:
  explicit Test262Checkout(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }

  // harness/<name>, read on first use.
  const HarnessLookup& harness_file(const std::string& name);
  // The $262 parts that harness/<name> uses, found on first use.
  const std::set<std::string>& harness_needs(const std::string& name);
  // The files of `folder` (a path from the root), each up to 1 MiB, read on first use. A file
  // whose real path leaves the folder (a symlink) makes the folder a problem.
  const ModuleFolderLookup& module_folder(const std::string& folder);

 private:
  HarnessLookup read_harness_file(const std::string& name) const;
  ModuleFolderLookup read_module_folder(const std::string& folder) const;

  std::filesystem::path root_;
  std::map<std::string, HarnessLookup> harness_;
  std::map<std::string, std::set<std::string>> harness_needs_;
  std::map<std::string, ModuleFolderLookup> folders_;
};

// Whether `folder` is the root of a test262 checkout: it holds harness/assert.js and test/.
bool is_test262_root(const std::filesystem::path& folder);

// The nearest folder at or above `path` that is a test262 checkout's root.
std::optional<std::filesystem::path> find_test262_root(const std::filesystem::path& path);

}  // namespace settle
