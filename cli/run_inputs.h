#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/run_options.h"
#include "runner/corpus/corpus.h"
#include "runner/gate/expectations.h"
#include "runner/gate/report_reader.h"
#include "runner/model/result_fact.h"
#include "runner/run/case_selection.h"

namespace settle::cli {

// What a run reads before any case: the known failures and the baseline.
struct RunInputs {
  std::optional<Expectations> expectations;  // --expectations
  Expectations previous_expectations;        // what --update-expectations starts from
  std::optional<LoadedReport> baseline;      // --baseline

  // The case ids that the expectations name (both files'): the gate and the update need to know
  // which of them are still cases.
  std::set<std::string> expected_ids() const;
};

// Expectations, a baseline or --update-expectations: the gate needs every result then, not only
// the failures.
inline bool whole_run_matters(const RunOptions& options) {
  return !options.expectations_path.empty() || !options.baseline_path.empty() ||
         !options.update_expectations_path.empty();
}

// Reads the files that --expectations, --update-expectations and --baseline name. Throws
// CliError (bad input) when one does not read.
RunInputs read_run_inputs(const RunOptions& options);

// The baseline's results that this run can be compared with: the cases it selects, and the cases
// that no longer exist when they match the filters (without a shard); never the cases that only a
// filter or another shard left out. With a shard, which cases it selects is found by going through
// the corpus in id order (it loads every group once more). Throws what Corpus::load_group throws.
std::vector<ResultFact> baseline_scope(const LoadedReport& baseline, Corpus& corpus,
                                       CaseSelection selection, bool sharded);

}  // namespace settle::cli
