#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "runner/model/outcome.h"

namespace settle {

// What an engine saw when it ran one case. Values are in the report notation (docs/design.md).
// Engines produce it and know nothing of expectations.
struct Observation {
  std::optional<Outcome> state;  // empty when the run timed out or the engine failed
  nlohmann::json value;
  nlohmann::json log = nlohmann::json::array();
  nlohmann::json globals = nlohmann::json::object();  // the globals the job asked to watch
  std::string printed;                                // what the case passed to print()
  bool parse_error = false;        // the code did not compile (state is then kThrows)
  bool resolution_error = false;   // module code did not link: a module it imports is missing,
                                   // does not parse, or lacks a binding (state is then kThrows)
  std::string thrown_constructor;  // the name of a thrown object's constructor (test262 negatives)
  std::string harness_error;       // a test262 harness file failed to load: the test fails
  std::string uncaught;            // an exception no code caught, in a job or a timer callback
  // The rejection tracker's events, in order: [{"unhandled": value} or {"handled": value}]
  // (docs/design.md, "Unhandled rejections"); empty when the host tracks no rejections.
  std::optional<nlohmann::json> rejections;
  bool timed_out = false;
  std::string fault;    // non-empty when the engine crashed, ran out of memory or broke protocol
  std::string skip;     // the engine did not run the case, and why (the result is a skip)
  std::string lowered;  // "es5" when the case's code was lowered before the engine ran it
};

}  // namespace settle
