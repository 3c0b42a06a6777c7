#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/input_error.h"
#include "runner/model/case.h"

namespace settle::cli {

struct LoadedCorpus {
  std::vector<Case> cases;
  std::vector<InputError> errors;
};

struct CorpusSources {
  std::vector<std::string> paths;           // files or folders; default: cases/
  std::optional<std::string> case_root;     // --case-root
  std::optional<std::string> test262_root;  // --test262-dir; else found above each test
};

// Discovers and loads every case file and test262 test under the paths. A file that fails to
// load is an error of its own; the other files still load.
LoadedCorpus load_corpus(CorpusSources sources);

}  // namespace settle::cli
