#include "runner/model/outcome.h"

#include <array>
#include <utility>

namespace settle {
namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 5> kNames = {{
    {Outcome::kFulfilled, "fulfilled"},
    {Outcome::kRejected, "rejected"},
    {Outcome::kPending, "pending"},
    {Outcome::kReturns, "returns"},
    {Outcome::kThrows, "throws"},
}};

}  // namespace

std::string_view outcome_name(Outcome outcome) {
  for (const auto& [value, name] : kNames) {
    if (value == outcome) return name;
  }
  return "?";
}

std::optional<Outcome> outcome_from_name(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

}  // namespace settle
