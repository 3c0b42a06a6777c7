#include "runner/gate/gate.h"

#include <algorithm>
#include <map>

namespace settle {
namespace {

std::string listed_text(const KnownFailure& known) {
  std::string text = "listed as " + std::string(status_name(known.status));
  if (!known.reason.empty()) text += ": " + known.reason;
  return text;
}

}  // namespace

GateOutcome evaluate_gate(const std::vector<ResultFact>& results, const GateInputs& inputs) {
  GateOutcome outcome;
  outcome.expectations_used = inputs.expectations != nullptr;
  outcome.strict_expectations = inputs.strict_expectations;

  std::map<std::pair<std::string_view, std::string_view>, Status> baseline;  // id, engine
  if (inputs.baseline) {
    for (const ResultFact& result : *inputs.baseline) {
      baseline[{result.id(), result.engine()}] = result.status();
    }
    outcome.baseline = diff_results(*inputs.baseline, results);
  }
  auto was_passing = [&](const ResultFact& result) {
    auto found = baseline.find({result.id(), result.engine()});
    return found != baseline.end() && found->second == Status::kPass;
  };

  // A run without expectations or a baseline lists every failure: room for them at once, not twice
  // as much after the last doubling.
  outcome.unexpected_failures.reserve(static_cast<std::size_t>(
      std::count_if(results.begin(), results.end(), [](const ResultFact& result) {
        return is_failure(result.status()) && !result.known_failure();
      })));
  for (const ResultFact& result : results) {
    const std::string id(result.id()), engine(result.engine());
    const Status status = result.status();
    const std::string message(result.message());
    const KnownFailure* known =
        inputs.expectations ? inputs.expectations->find(engine, id) : nullptr;
    GateEntry entry{id, engine, ""};
    if (status == Status::kPass) {
      if (known) {
        entry.detail = "passes, " + listed_text(*known);
        outcome.unexpected_passes.push_back(entry);
      }
    } else if (status == Status::kSkip) {
      if (inputs.baseline && was_passing(result)) {
        entry.detail = "skipped, passed in the baseline: " + message;
        outcome.unexpected_failures.push_back(entry);
      }
    } else if (result.known_failure()) {
      ++outcome.known_failures;
    } else if (inputs.baseline && !was_passing(result)) {
      ++outcome.excused_by_baseline;
    } else {
      entry.detail = std::string(status_name(status));
      if (known) {
        entry.detail += ", " + listed_text(*known);
      } else if (inputs.expectations) {
        entry.detail += " (not in the expectations)";
      }
      if (inputs.baseline) entry.detail += ", passed in the baseline";
      std::string line = message.substr(0, message.find('\n'));
      if (!line.empty()) entry.detail += ": " + line;
      outcome.unexpected_failures.push_back(entry);
    }
  }

  if (inputs.expectations) {
    for (const auto& [engine, entries] : inputs.expectations->engines) {
      if (std::find(inputs.engines.begin(), inputs.engines.end(), engine) == inputs.engines.end()) {
        continue;  // an engine this run did not use
      }
      for (const auto& [id, known] : entries) {
        if (!inputs.existing_ids.count(id)) {
          outcome.missing_cases.push_back({id, engine, listed_text(known) + ", no such case"});
        }
      }
    }
    std::sort(outcome.missing_cases.begin(), outcome.missing_cases.end(),
              [](const GateEntry& a, const GateEntry& b) {
                return std::tie(a.id, a.engine) < std::tie(b.id, b.engine);
              });
  }
  return outcome;
}

}  // namespace settle
