#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "runner/case_file_loader.h"

namespace settle {

// A test262 checkout (its root holds harness/ and test/), with its harness files read at most once
// per run, however many tests include them.
class Test262Checkout {
 public:
  explicit Test262Checkout(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }

  // harness/<name>, read on first use; nullptr when it cannot be read.
  std::shared_ptr<const HarnessFile> harness_file(const std::string& name);
  // Why harness/<name>, which is there, could not be read (a FIFO, a folder); empty otherwise.
  std::string harness_error(const std::string& name) const {
    auto found = harness_errors_.find(name);
    return found == harness_errors_.end() ? "" : found->second;
  }
  // The $262 parts that harness/<name> uses, found on first use.
  const std::set<std::string>& harness_needs(const std::string& name);
  // The files of `folder` (a path from the root), each up to 1 MiB, read on first use.
  std::shared_ptr<const ModuleFolder> module_folder(const std::string& folder);

 private:
  std::filesystem::path root_;
  std::map<std::string, std::shared_ptr<const HarnessFile>> harness_;
  std::map<std::string, std::set<std::string>> harness_needs_;
  std::map<std::string, std::string> harness_errors_;
  std::map<std::string, std::shared_ptr<const ModuleFolder>> folders_;
};

// Whether `folder` is the root of a test262 checkout: it holds harness/assert.js and test/.
bool is_test262_root(const std::filesystem::path& folder);

// The nearest folder at or above `path` that is a test262 checkout's root.
std::optional<std::filesystem::path> find_test262_root(const std::filesystem::path& path);

// Loads one test262 test from its source text: one case per run it gets (INTERPRETING.md):
// `<path from the checkout's root>#default` and `#strict`, or only one of them for the
// onlyStrict, noStrict, raw and module flags.
LoadedCases load_test262_test(const std::string& file, const std::string& source,
                              Test262Checkout& checkout);

}  // namespace settle
