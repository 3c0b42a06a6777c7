#pragma once

// Builds cases and results by hand for the tests of the gate, diffs, merges and reporters.

#include <deque>
#include <string>
#include <vector>

#include "runner/result.h"

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
    made.expect.value = 1;
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
    if (status != Status::kTimeout) {
      made.observed.state = Outcome::kFulfilled;
      made.observed.value = status == Status::kPass ? 1 : 2;
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

}  // namespace settle::testing
