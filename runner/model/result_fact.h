#pragma once

#include <string>
#include <vector>

#include "runner/model/result.h"

namespace settle {

// What a run keeps of a result once the reporters have it: what the gate, the baseline diff and
// --update-expectations need, never the observation, so that a run's memory does not grow with
// what its cases observed.
struct ResultFact {
  const Case* test = nullptr;  // owned by the run (or by a loaded report); outlives the fact
  std::string engine;
  Status status = Status::kError;
  bool known_failure = false;  // the expectations list this failure
  std::string message;         // why it failed, errored or was skipped; empty for a pass

  static ResultFact of(const Result& result) {
    ResultFact fact;
    fact.test = result.test;
    fact.engine = result.engine;
    fact.status = result.status;
    fact.known_failure = result.known_failure.has_value();
    if (result.status != Status::kPass) fact.message = result.message;
    return fact;
  }
};

inline std::vector<ResultFact> facts_of(const std::vector<Result>& results) {
  std::vector<ResultFact> facts;
  facts.reserve(results.size());
  for (const Result& result : results) facts.push_back(ResultFact::of(result));
  return facts;
}

}  // namespace settle
