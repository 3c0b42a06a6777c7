#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/case.h"
#include "runner/load_error.h"

namespace settle::cli {

struct LoadedCorpus {
  std::vector<Case> cases;
  std::vector<LoadError> errors;
};

// Discovers and loads every case file under `paths` (default: cases/). A file that fails to load
// is an error of its own; the other files still load.
LoadedCorpus load_corpus(std::vector<std::string> paths,
                         const std::optional<std::string>& case_root);

}  // namespace settle::cli
