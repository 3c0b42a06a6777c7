#include "runner/corpus/corpus.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "runner/corpus/case_file_loader.h"
#include "runner/corpus/test262_front_matter.h"
#include "runner/input/text_file.h"

namespace settle {
namespace {

bool is_script(const CaseFileRef& file) {
  return std::filesystem::path(file.path).extension() == ".js";
}

std::optional<IdRange> id_range(const std::vector<Case>& cases) {
  if (cases.empty()) return std::nullopt;
  auto [first, last] = std::minmax_element(
      cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.id < b.id; });
  return IdRange{first->id, last->id};
}

}  // namespace

Corpus::Corpus(CorpusSources sources, const std::function<void(const Case&)>& each_case)
    : checkouts_(sources.test262_root) {
  if (sources.paths.empty()) sources.paths.push_back("cases");
  if (sources.test262_root && !is_test262_root(*sources.test262_root)) {
    errors_.push_back(InputError{*sources.test262_root, kNoPosition, "--test262-dir",
                                 "not a test262 checkout (no harness/assert.js and test/)"});
    return;
  }
  Discovery discovery = discover(sources.paths, sources.case_root);
  errors_ = std::move(discovery.errors);
  std::vector<std::optional<IdRange>> ranges;
  for (CaseFileRef& ref : discovery.files) {
    std::string why;
    std::optional<std::string> text = read_text_file(ref.path, &why);
    if (!text) {
      errors_.push_back(InputError{ref.path, kNoPosition, "", "cannot read the file: " + why});
      continue;
    }
    File file{std::move(ref), nullptr, {}};
    if (is_script(file.ref)) {
      if (!has_test262_front_matter(*text)) {
        if (!file.ref.named) continue;  // a helper script in a case folder is not a case
        errors_.push_back(InputError{file.ref.path, kNoPosition, "",
                                     "not a test262 test: no /*--- ... ---*/ front matter (settle "
                                     "case files are .json)"});
        continue;
      }
      file.checkout = checkouts_.for_test(file.ref.path);
      if (!file.checkout) {
        errors_.push_back(InputError{
            file.ref.path, kNoPosition, "",
            "no test262 checkout (a folder with harness/ and test/) above this test; name one "
            "with --test262-dir"});
        continue;
      }
    }
    LoadedCases loaded = load(file, *text);
    if (auto* error = std::get_if<InputError>(&loaded)) {
      errors_.push_back(std::move(*error));
      continue;
    }
    const auto& cases = std::get<std::vector<Case>>(loaded);
    if (each_case) {
      for (const Case& test : cases) each_case(test);
    }
    file.text = snapshot_.add(*text);
    ranges.push_back(id_range(cases));
    files_.push_back(std::move(file));
  }
  order_ = run_order(ranges);
}

LoadedCases Corpus::load(const File& file, std::string text) {
  if (file.checkout) return load_test262_test(file.ref.path, text, *file.checkout);
  return parse_case_file(file.ref.path, file.ref.id_prefix, std::move(text));
}

std::vector<Case> Corpus::load_group(std::size_t group) {
  std::size_t begin = group == 0 ? 0 : order_.group_ends[group - 1];
  std::vector<Case> cases;
  for (std::size_t i = begin; i < order_.group_ends[group]; ++i) {
    const File& file = files_[order_.files[i]];
    LoadedCases loaded = load(file, snapshot_.text(file.text));
    if (auto* error = std::get_if<InputError>(&loaded)) {
      throw std::runtime_error(error->to_string() + " (it loaded when the run began)");
    }
    for (Case& test : std::get<std::vector<Case>>(loaded)) cases.push_back(std::move(test));
  }
  std::stable_sort(cases.begin(), cases.end(),
                   [](const Case& a, const Case& b) { return a.id < b.id; });
  return cases;
}

}  // namespace settle
