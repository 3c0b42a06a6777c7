#pragma once

#include <optional>
#include <string_view>

namespace settle {

// How a case's subject ended up. The names are the keys of a case's `expect` object.
enum class Outcome { kFulfilled, kRejected, kPending, kReturns, kThrows };

std::string_view outcome_name(Outcome outcome);
std::optional<Outcome> outcome_from_name(std::string_view name);

}  // namespace settle
