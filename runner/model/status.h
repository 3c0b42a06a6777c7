#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace settle {

// A result's status. A known failure (one the expectations file lists) keeps its status and is
// marked on the result: Result::known_failure, ResultFact::known_failure.
enum class Status { kPass, kFail, kSkip, kTimeout, kError };

struct StatusInfo {
  Status status;
  std::string_view name;     // in every report: "status": "timeout", the summary's columns
  std::string_view counted;  // in the final line: "3 timed out"
  bool failure;              // counts against a run; skip never does
};

// Every status, in the order that reports list them; StatusCounts indexes its counts by this.
inline constexpr StatusInfo kStatuses[] = {
    {Status::kPass, "pass", "passed", false},          // as the case expects
    {Status::kFail, "fail", "failed", true},           // otherwise
    {Status::kSkip, "skip", "skipped", false},         // not run: a feature missing, or `skip`
    {Status::kTimeout, "timeout", "timed out", true},  // still running at its timeout
    {Status::kError, "error", "errors", true},         // the engine crashed or broke the protocol
};
inline constexpr std::size_t kStatusCount = std::size(kStatuses);

constexpr const StatusInfo& status_info(Status status) {
  return kStatuses[static_cast<std::size_t>(status)];
}

constexpr bool statuses_in_enum_order() {
  for (std::size_t i = 0; i < kStatusCount; ++i) {
    if (kStatuses[i].status != static_cast<Status>(i)) return false;
  }
  return true;
}
static_assert(statuses_in_enum_order(), "kStatuses is indexed by Status");

inline constexpr std::array<Status, kStatusCount> kAllStatuses = [] {
  std::array<Status, kStatusCount> all{};
  for (std::size_t i = 0; i < kStatusCount; ++i) all[i] = kStatuses[i].status;
  return all;
}();

constexpr std::string_view status_name(Status status) { return status_info(status).name; }

// A status's name, or "-" for none (a case missing from one side of a diff).
inline std::string status_or_dash(const std::optional<Status>& status) {
  return status ? std::string(status_name(*status)) : "-";
}

// Whether a status counts against a run: fail, timeout and error (never skip).
constexpr bool is_failure(Status status) { return status_info(status).failure; }

inline std::optional<Status> status_from_name(std::string_view name) {
  for (const StatusInfo& info : kStatuses) {
    if (info.name == name) return info.status;
  }
  return std::nullopt;
}

}  // namespace settle
