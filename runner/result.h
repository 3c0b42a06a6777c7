#pragma once

#include <string>
#include <string_view>

#include "runner/case.h"
#include "runner/observation.h"

namespace settle {

enum class Status { kPass, kFail, kSkip, kTimeout, kError };

inline std::string_view status_name(Status status) {
  switch (status) {
    case Status::kPass:
      return "pass";
    case Status::kFail:
      return "fail";
    case Status::kSkip:
      return "skip";
    case Status::kTimeout:
      return "timeout";
    case Status::kError:
      return "error";
  }
  return "?";
}

// One case on one engine. Reporters and the gate consume it.
struct Result {
  const Case* test = nullptr;  // owned by the run; outlives every Result
  std::string engine;
  Status status = Status::kError;
  Observation observed;
  double duration_ms = 0;
  std::string message;  // why it failed, errored or was skipped
};

}  // namespace settle
