#include "cli/case_loading.h"

#include <filesystem>
#include <map>
#include <memory>

#include "runner/case_file_loader.h"
#include "runner/discover.h"
#include "runner/test262_front_matter.h"
#include "runner/test262_loader.h"
#include "runner/text_file.h"

namespace settle::cli {
namespace {

// The test262 checkouts of a run: the one --test262-dir names, or each found above a test.
class Test262Checkouts {
 public:
  explicit Test262Checkouts(const std::optional<std::string>& root) {
    if (root) given_ = std::make_unique<Test262Checkout>(std::filesystem::absolute(*root));
  }

  Test262Checkout* for_test(const std::string& file) {
    if (given_) return given_.get();
    std::optional<std::filesystem::path> root = find_test262_root(file);
    if (!root) return nullptr;
    auto& checkout = found_[*root];
    if (!checkout) checkout = std::make_unique<Test262Checkout>(*root);
    return checkout.get();
  }

 private:
  std::unique_ptr<Test262Checkout> given_;
  std::map<std::filesystem::path, std::unique_ptr<Test262Checkout>> found_;
};

LoadedCases load_script(const CaseFileRef& file, Test262Checkouts& checkouts, bool* ignored) {
  std::optional<std::string> source = read_text_file(file.path);
  if (!source) return InputError{file.path, kNoPosition, "", "cannot read the file"};
  if (!has_test262_front_matter(*source)) {
    *ignored = !file.named;  // a helper script in a case folder is not a case
    return InputError{file.path, kNoPosition, "",
                      "not a test262 test: no /*--- ... ---*/ front matter (settle case files are "
                      ".json)"};
  }
  Test262Checkout* checkout = checkouts.for_test(file.path);
  if (!checkout) {
    return InputError{file.path, kNoPosition, "",
                      "no test262 checkout (a folder with harness/ and test/) above this test; "
                      "name one with --test262-dir"};
  }
  return load_test262_test(file.path, *source, *checkout);
}

}  // namespace

LoadedCorpus load_corpus(CorpusSources sources) {
  if (sources.paths.empty()) sources.paths.push_back("cases");
  LoadedCorpus corpus;
  if (sources.test262_root && !is_test262_root(*sources.test262_root)) {
    corpus.errors.push_back(InputError{*sources.test262_root, kNoPosition, "--test262-dir",
                                       "not a test262 checkout (no harness/assert.js and test/)"});
    return corpus;
  }
  Discovery discovery = discover(sources.paths, sources.case_root);
  for (const InputError& error : discovery.errors) corpus.errors.push_back(error);
  Test262Checkouts checkouts(sources.test262_root);
  for (const CaseFileRef& file : discovery.files) {
    bool ignored = false;
    bool script = std::filesystem::path(file.path).extension() == ".js";
    LoadedCases loaded =
        script ? load_script(file, checkouts, &ignored) : load_case_file(file.path, file.id_prefix);
    if (ignored) continue;
    if (auto* error = std::get_if<InputError>(&loaded)) {
      corpus.errors.push_back(*error);
      continue;
    }
    for (Case& test : std::get<std::vector<Case>>(loaded)) corpus.cases.push_back(std::move(test));
  }
  return corpus;
}

}  // namespace settle::cli
