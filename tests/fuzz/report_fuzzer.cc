// Fuzzes the JSON report reader that `settle diff`, `settle merge` and `run --baseline` use
// (runner/gate/report_reader.h), then what they do with a report it accepts: the summary, the
// baseline diff (a report compared with itself has no changes) and the merge. The reader may throw
// only InputError, at a position in the text; the merge only MergeError.

#include "fuzz_support.h"
#include "runner/gate/baseline_diff.h"
#include "runner/gate/report_merge.h"
#include "runner/gate/report_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace settle;
  const std::string text = fuzz::text_of(data, size);
  LoadedReport report;
  try {
    report = parse_report(text, "fuzz.json");
  } catch (const InputError& error) {
    fuzz::require(error.file() == "fuzz.json", "a report error names the file");
    fuzz::require(fuzz::position_in_text(text, error.where().line, error.where().column),
                  "a report error's line:column is in the text");
    return 0;
  }
  for (const Result& result : report.results) {
    fuzz::require(result.test != nullptr, "every result has its case");
  }
  Summary summary = report.summary();
  fuzz::require(summary.overall().total() == report.results.size(), "the summary counts all");

  BaselineDiff diff = diff_results(facts_of(report.results), facts_of(report.results));
  fuzz::require(diff.empty(), "a report compared with itself has no changes");

  std::size_t results = report.results.size();
  std::vector<LoadedReport> parts;
  parts.push_back(std::move(report));
  try {
    LoadedReport merged = merge_reports(std::move(parts));
    fuzz::require(merged.results.size() == results, "a merge keeps every result");
  } catch (const MergeError& error) {
    fuzz::require(*error.what() != '\0', "a merge error says what is wrong");
  }
  return 0;
}
