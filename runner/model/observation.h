#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "runner/model/outcome.h"
#include "runner/model/test262_run.h"
#include "runner/model/value.h"

namespace settle {

// How a case ended on an engine: exactly one of these.

// The case's subject settled (fulfilled, rejected) or stayed pending, or its code returned
// (`returns`). Never kThrows: a throw is Threw.
struct Settled {
  Outcome state = Outcome::kFulfilled;
  Value value;  // null for pending
};

// The case's code threw, in a phase (test262's INTERPRETING.md names them): it did not parse,
// its modules did not link (a module it imports is missing, does not parse, or lacks a binding),
// or it threw as it ran.
struct Threw {
  Test262Phase phase = Test262Phase::kRuntime;
  Value value;                             // what it threw
  std::optional<std::string> constructor;  // the name of a thrown object's constructor
};

// Still running at its timeout.
struct TimedOut {};

// The engine crashed, ran out of memory, broke the protocol or said nothing of the case.
struct Faulted {
  std::string message;
};

// The engine did not run the case, and why (the result is a skip).
struct NotRun {
  std::string reason;
};

using Ending = std::variant<Settled, Threw, TimedOut, Faulted, NotRun>;

// One function per ending: std::visit(OnEnding{[](const Settled&) {...}, ...}, ending). A new
// ending fails to compile wherever a visit has no function for it.
template <class... Functions>
struct OnEnding : Functions... {
  using Functions::operator()...;
};
template <class... Functions>
OnEnding(Functions...) -> OnEnding<Functions...>;

inline constexpr std::string_view kNoOutcome = "the engine saw no outcome";

// What an engine saw when it ran one case. Values are in the report notation (docs/design.md).
// Engines produce it and know nothing of expectations.
struct Observation {
  Ending ending = Faulted{std::string(kNoOutcome)};
  // What every ending carries: a timed-out or faulted case keeps what it logged so far.
  Value log = Value::empty_array();
  Value globals = Value::empty_object();  // the globals the job asked to watch
  std::string printed;                    // what the case passed to print()
  // The rejection tracker's events, in order: [{"unhandled": value} or {"handled": value}]
  // (docs/design.md, "Unhandled rejections"); none when the host tracks no rejections.
  std::optional<Value> rejections;
  // An exception no code caught, in a job or a timer callback, described: a case of settle's own
  // errors with it, a test262 test fails.
  std::optional<std::string> uncaught;
  // test262: a harness file failed to load, and why; the code did not run (the host observed
  // its completion), and the test fails.
  std::optional<std::string> harness_error;
  std::optional<std::string> lowered;  // "es5" when the case's code was lowered before it ran

  // The state as cases and reports name it: a Settled's, kThrows for Threw; none for the rest.
  std::optional<Outcome> state() const;
  // The subject's value or what was thrown; null for the rest.
  const Value& value() const;
  // Whether the code ran to an outcome: Settled or Threw.
  bool ran() const { return state().has_value(); }

  // An observation of nothing but a fault (an engine that failed before it could report).
  static Observation faulted(std::string message) {
    Observation observation;
    observation.ending = Faulted{std::move(message)};
    return observation;
  }
};

}  // namespace settle
