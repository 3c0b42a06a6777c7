#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "runner/match/matcher.h"
#include "runner/model/case.h"
#include "runner/model/observation.h"

namespace settle {

// Rejection tracking in expectations (docs/design.md, "Unhandled rejections").

// Checks an `expect.rejections` pattern: an array of {"unhandled": pattern} / {"handled": pattern}.
std::optional<PatternError> check_rejections_pattern(const nlohmann::json& pattern,
                                                     const std::string& path);

// The reasons still unhandled after the tracker's events: each `handled` event takes back the
// earliest `unhandled` event before it with an equal value.
nlohmann::json still_unhandled(const nlohmann::json& events);

// Why the observed rejections do not match `expect.unhandled` / `expect.rejections` (or, with
// strict, `"unhandled": []` when the case states neither); nothing when they match. A case that
// states them fails on a host that tracks no rejections; the strict check skips such a host.
std::optional<std::string> rejections_mismatch(const Expectation& expect,
                                               const Observation& observed, bool strict);

}  // namespace settle
