#include "runner/model/observation.h"

namespace settle {

std::optional<Outcome> Observation::state() const {
  if (const auto* settled = std::get_if<Settled>(&ending)) return settled->state;
  if (std::holds_alternative<Threw>(ending)) return Outcome::kThrows;
  return std::nullopt;
}

const Value& Observation::value() const {
  static const Value null_value;
  if (const auto* settled = std::get_if<Settled>(&ending)) return settled->value;
  if (const auto* threw = std::get_if<Threw>(&ending)) return threw->value;
  return null_value;
}

}  // namespace settle
