#include "runner/cli/case_loading.h"

#include "runner/case_file_loader.h"
#include "runner/discover.h"

namespace settle::cli {

LoadedCorpus load_corpus(std::vector<std::string> paths,
                         const std::optional<std::string>& case_root) {
  if (paths.empty()) paths.push_back("cases");
  Discovery discovery = discover(paths, case_root);
  LoadedCorpus corpus;
  corpus.errors = discovery.errors;
  for (const CaseFileRef& file : discovery.files) {
    LoadedCases loaded = load_case_file(file.path, file.id_prefix);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
      corpus.errors.push_back(*error);
      continue;
    }
    for (Case& test : std::get<std::vector<Case>>(loaded)) corpus.cases.push_back(std::move(test));
  }
  return corpus;
}

}  // namespace settle::cli
