#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runner/model/case.h"
#include "runner/model/observation.h"

namespace settle {

enum class Status { kPass, kFail, kSkip, kTimeout, kError };

// Every status, in the order that reports list them (and StatusCounts indexes them).
inline constexpr Status kAllStatuses[] = {Status::kPass, Status::kFail, Status::kSkip,
                                          Status::kTimeout, Status::kError};

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
  // Set when the expectations file (--expectations) lists this failure: the reason it gives.
  std::optional<std::string> known_failure;
};

inline std::optional<Status> status_from_name(std::string_view name) {
  for (Status status : kAllStatuses) {
    if (status_name(status) == name) return status;
  }
  return std::nullopt;
}

// Whether a status counts against a run: fail, timeout and error (never skip).
inline bool is_failure(Status status) {
  return status == Status::kFail || status == Status::kTimeout || status == Status::kError;
}

}  // namespace settle
