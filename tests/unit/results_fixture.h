#pragma once

// Builds cases and results by hand for the tests of the gate, diffs, merges and reporters.

#include <deque>
#include <string>
#include <vector>

#include "runner/model/result.h"
#include "runner/model/value_json.h"

namespace settle::testing {

class Results {
 public:
  // The case with this full id (made on first use, in file <id without its last part>).
  const Case& test(const std::string& id) {
    for (const Case& existing : cases_) {
      if (existing.id == id) return existing;
    }
    Case& made = cases_.emplace_back();
    made.id = id;
    made.local_id = id.substr(id.rfind('/') + 1);
    made.file = "cases/" + id.substr(0, id.rfind('/')) + ".json";
    made.expect.outcome = Outcome::kFulfilled;
    made.expect.value = value_of(1);
    return made;
  }

  Result result(const std::string& id, const std::string& engine, Status status,
                const std::string& message = "") {
    Result made;
    made.test = &test(id);
    made.engine = engine;
    made.status = status;
    made.message = message.empty() && status != Status::kPass ? "because of " + id : message;
    made.duration_ms = 1.25;
    if (status == Status::kTimeout) {
      made.observed.ending = TimedOut{};
    } else {
      made.observed.ending =
          Settled{Outcome::kFulfilled, value_of(status == Status::kPass ? 1 : 2)};
    }
    return made;
  }

  // Adds a result to the list `list` and returns it.
  Result& add(std::vector<Result>& list, const std::string& id, const std::string& engine,
              Status status, const std::string& message = "") {
    return list.emplace_back(result(id, engine, status, message));
  }

 private:
  std::deque<Case> cases_;
};

// Two engines' results over the kinds of row a comparison has: both agree, they differ, both fail
// with other messages, only one engine ran, one skipped, and a third engine's result.
inline std::vector<Result> comparison_kinds(Results& make) {
  std::vector<Result> results;
  make.add(results, "a/1-agree", "duktape", Status::kPass);
  make.add(results, "a/1-agree", "node", Status::kPass);
  make.add(results, "a/2-differ", "duktape", Status::kFail);
  make.add(results, "a/2-differ", "node", Status::kPass);
  make.add(results, "a/3-both-fail", "duktape", Status::kFail, "one message");
  make.add(results, "a/3-both-fail", "node", Status::kFail, "another message");
  make.add(results, "a/4-only-node", "node", Status::kPass);
  make.add(results, "a/5-skip", "duktape", Status::kSkip);
  make.add(results, "a/5-skip", "node", Status::kPass);
  make.add(results, "a/6-other-engine", "spidermonkey", Status::kPass);
  return results;
}

}  // namespace settle::testing
