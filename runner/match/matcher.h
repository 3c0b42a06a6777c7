#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "runner/model/case.h"
#include "runner/model/observation.h"

namespace settle {

// The one place that interprets value patterns and their `$` tags (docs/design.md, "Value
// patterns").

struct PatternError {
  std::string path;  // field path of the offending part of the pattern
  std::string message;
};

// Checks that `pattern` is a well-formed value pattern; `path` is where it stands in its file.
std::optional<PatternError> check_pattern(const nlohmann::json& pattern, const std::string& path);

// The names of the globals that `{"$same": name}` patterns in `expect` refer to.
std::vector<std::string> same_references(const Expectation& expect);

// Whether an observed value (report notation) matches a pattern. `globals` resolves `$same`.
// On a mismatch `why` says where and how, e.g. `[1].name: expected "a", observed "b"`.
bool value_matches(const nlohmann::json& pattern, const nlohmann::json& observed,
                   const nlohmann::json& globals, std::string* why);

struct Verdict {
  bool pass = false;
  std::string message;  // for a failure: expected beside observed
};

// Compares a completed observation (neither timed out nor faulted) with the expectation. With
// strict_rejections, an expectation that says nothing of rejections is checked as
// `"unhandled": []` (where the host tracks them).
Verdict match(const Expectation& expect, const Observation& observed,
              bool strict_rejections = false);

}  // namespace settle
