#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "runner/corpus/case_snapshot.h"
#include "runner/corpus/discover.h"
#include "runner/corpus/run_order.h"
#include "runner/corpus/test262_checkouts.h"
#include "runner/input/input_error.h"
#include "runner/model/case.h"

namespace settle {

struct CorpusSources {
  std::vector<std::string> paths;           // files or folders; default: cases/
  std::optional<std::string> case_root;     // --case-root
  std::optional<std::string> test262_root;  // --test262-dir; else found above each test
};

// The case files of a run. Every file is read and validated once, before anything runs: a file
// that fails to load is an error of its own (the other files still load). What loaded is kept as
// text in a CaseSnapshot, not as cases, and its cases load again a group of files at a time, in
// id order, when the run reaches them: so memory holds one group's cases, never the corpus's.
class Corpus {
 public:
  // Discovers and validates the files under the sources' paths, and calls `each_case` with every
  // case that loads, in discovery order, before letting it go.
  explicit Corpus(CorpusSources sources,
                  const std::function<void(const Case&)>& each_case = nullptr);

  const std::vector<InputError>& errors() const { return errors_; }
  std::size_t groups() const { return order_.groups(); }
  // The cases of the `group`-th group, sorted by id (equal ids in discovery order); every id of a
  // group sorts before every id of the next. Throws std::runtime_error when they cannot be loaded
  // again (their copy cannot be read back).
  std::vector<Case> load_group(std::size_t group);

 private:
  struct File {
    CaseFileRef ref;
    Test262Checkout* checkout = nullptr;  // a test262 test's; null for a settle case file
    CaseSnapshot::Span text;
  };

  LoadedCases load(const File& file, std::string text);

  Test262Checkouts checkouts_;
  CaseSnapshot snapshot_;
  std::vector<File> files_;  // those that loaded, in discovery order
  RunOrder order_;           // of files_
  std::vector<InputError> errors_;
};

}  // namespace settle
