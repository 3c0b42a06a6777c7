#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "runner/corpus/test262_loader.h"

namespace settle {

// The test262 checkouts of a run: the one --test262-dir names, or each found above a test. Each
// reads its harness files once per run, however many tests include them.
class Test262Checkouts {
 public:
  explicit Test262Checkouts(const std::optional<std::string>& root);

  // The checkout that `file` belongs to, or nullptr when there is none above it.
  Test262Checkout* for_test(const std::string& file);

 private:
  std::unique_ptr<Test262Checkout> given_;
  std::map<std::filesystem::path, std::unique_ptr<Test262Checkout>> found_;
};

}  // namespace settle
