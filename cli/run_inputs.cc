#include "cli/run_inputs.h"

#include <filesystem>
#include <iostream>

#include "cli/cli_error.h"

namespace settle::cli {
namespace {

void add_ids(const Expectations& expectations, std::set<std::string>& ids) {
  for (const auto& [engine, entries] : expectations.engines) {
    for (const auto& [id, known] : entries) ids.insert(id);
  }
}

}  // namespace

std::set<std::string> RunInputs::expected_ids() const {
  std::set<std::string> ids;
  if (expectations) add_ids(*expectations, ids);
  add_ids(previous_expectations, ids);
  return ids;
}

RunInputs read_run_inputs(const RunOptions& options) {
  RunInputs inputs;
  try {
    if (!options.expectations_path.empty()) {
      inputs.expectations = read_expectations(options.expectations_path);
      inputs.previous_expectations = *inputs.expectations;
    }
    if (!options.update_expectations_path.empty() &&
        std::filesystem::exists(options.update_expectations_path)) {
      inputs.previous_expectations = read_expectations(options.update_expectations_path);
    }
    if (!options.baseline_path.empty()) inputs.baseline = read_report(options.baseline_path);
  } catch (const InputError& error) {
    throw CliError(ExitStatus::kBadInput, error);
  }
  return inputs;
}

std::vector<ResultFact> baseline_scope(const LoadedReport& baseline, Corpus& corpus,
                                       CaseSelection selection, bool sharded) {
  std::set<std::string> in_scope;
  if (!sharded) {
    // The cases it selects and the removed ones that match the filters: every id that matches.
    for (const Result& result : baseline.results) {
      if (selection.matches(result.test->id)) in_scope.insert(result.test->id);
    }
  } else {
    std::set<std::string> named;
    for (const Result& result : baseline.results) named.insert(result.test->id);
    for (std::size_t group = 0; group < corpus.groups(); ++group) {
      for (const Case& test : corpus.load_group(group)) {
        if (selection.take(test.id) && named.count(test.id)) in_scope.insert(test.id);
      }
    }
  }
  std::vector<ResultFact> scoped;
  for (const Result& result : baseline.results) {
    if (in_scope.count(result.test->id)) scoped.push_back(ResultFact::of(result));
  }
  return scoped;
}

}  // namespace settle::cli
