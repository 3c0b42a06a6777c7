#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "runner/input/input_error.h"
#include "runner/model/result.h"
#include "runner/model/result_fact.h"

namespace settle {

// The expectations file (--expectations): the known failures, per engine. JSON with comments:
//
//   {
//     "format": "settle-expectations/1",
//     "engines": {
//       "duktape": {
//         "finally/basics/some-case": {"status": "fail", "reason": "why it is known to fail"}
//       }
//     }
//   }
//
// `status` is fail, timeout or error; `reason` is optional.

struct KnownFailure {
  Status status = Status::kFail;
  std::string reason;
};

struct Expectations {
  // engine -> full case id -> the failure it is known for
  std::map<std::string, std::map<std::string, KnownFailure>> engines;

  const KnownFailure* find(const std::string& engine, const std::string& id) const;
};

// A file that cannot be read, or does not parse or validate, throws InputError.
Expectations parse_expectations(const std::string& text, const std::string& file);
Expectations read_expectations(const std::string& path);

// The file's text, as --update-expectations writes it: a comment, then sorted JSON.
std::string expectations_text(const Expectations& expectations);

// Sets result.known_failure when the expectations list this result's failure (same engine, id
// and status).
void mark_known_failure(Result& result, const Expectations& expectations);

// The expectations after a run (--update-expectations). For each engine that ran, a case that
// ran is listed when it failed, timed out or errored (its reason kept when it was listed with the
// same status, else the first line of its message) and unlisted otherwise. Entries of cases that
// did not run (filtered out, other shards) and of engines that did not run are kept, except the
// entries of ids that are not in `existing_ids` (cases that no longer exist).
Expectations updated_expectations(const Expectations& previous,
                                  const std::vector<ResultFact>& results,
                                  const std::vector<std::string>& engines_run,
                                  const std::set<std::string>& existing_ids);

}  // namespace settle
