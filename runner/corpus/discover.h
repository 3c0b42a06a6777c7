#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/input/input_error.h"

namespace settle {

struct CaseFileRef {
  std::string path;       // as it will appear in reports, e.g. cases/finally/basics.json
  std::string id_prefix;  // relative to the case root, without extension: finally/basics
  bool named = false;     // named on the command line, not found in a folder
};

struct Discovery {
  std::vector<CaseFileRef> files;  // sorted by path, each once
  std::vector<InputError> errors;  // paths that do not exist
};

// Finds the case files under PATHs: settle's *.json files and *.js files that may be test262
// tests (a .js file without a test262 front matter is ignored unless it was named). (files or
// folders, searched recursively). A file's case root is `case_root` when given; otherwise its
// nearest enclosing folder named `cases`, or else the folder that was named on the command line
// (for a file argument, the file's own folder). So a case keeps one id whether the run names
// `cases/` or `cases/finally/basics.json`.
Discovery discover(const std::vector<std::string>& paths,
                   const std::optional<std::string>& case_root = std::nullopt);

}  // namespace settle
