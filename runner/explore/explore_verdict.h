#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runner/model/case.h"
#include "runner/model/observation.h"

namespace settle {

// Which parts of an observation an engine got differently from the oracle, joined by "+":
// "outcome" (the subject's state or value), "log" (job order or logged values), "rejections"
// (the unhandled-rejection events, where both track them). Empty when they agree. Errors are
// compared by name only, never by their message's wording.
std::string differing_part(const Observation& observed, const Observation& oracle);

// Whether an observation can be compared: its code ran to an outcome (Settled or Threw), with no
// uncaught exception.
bool comparable(const Observation& observed);

// Where an engine's log first differs from the oracle's: the words of its entry there ("then" for
// ["4 then", v]), or of the oracle's where the engine's log ends first. A log that differs is told
// apart by it, so that one engine's several ordering deviations are several findings.
std::string first_log_difference(const Observation& observed, const Observation& oracle);

// A disagreement's signature: each differing engine and the part it got wrong, a log with where it
// first differs ("log@then").
using Signature = std::map<std::string, std::string>;

std::string signature_text(const Signature& signature);  // "bun:log hermes:outcome"

// The parts of a signature's part one by one, the log's first difference kept with the log:
// "outcome+log@then" -> {"outcome", "log@then"}; a single part gives just itself.
std::vector<std::string> single_parts(const std::string& part);

// A signature's part in words: "log@then" -> "log (first at \"then\")".
std::string part_words(const std::string& part);

// The signature of one program's observations (by engine) against the oracle's. Engines whose
// observation is not comparable are left out.
Signature signature_of(const std::map<std::string, Observation>& observed,
                       const Observation& oracle);

// A value (case format JSON) with the message of every error in it left out: engines word their
// messages as they like ("undefined is not a function" against "x is not a function"), and the
// spec leaves the wording to them, so only an error's name is compared, and a finding expects the
// name with any message.
nlohmann::json without_error_messages(const nlohmann::json& value);

// The expectation a finding's case states: the oracle's outcome and log, each error by name only
// (without_error_messages), and its rejection events when the finding is about them.
Expectation finding_expectation(const Observation& oracle, bool with_rejections);

// Whether `settle run` would give a finding's case the verdicts the finding claims: a failure on
// each engine its signature names, a pass on every other engine that could be compared (the
// oracle's among them). Not so for a difference that the case format cannot state: an error
// pattern matches the members it gives, so an engine's extra own property of an error, which
// explore sees, is not caught.
bool finding_holds(const Expectation& expect, const std::map<std::string, Observation>& observed,
                   const Signature& signature);

// The oracle's observation by majority: the observation most engines agree on, when more than
// half of the comparable ones do.
std::optional<Observation> majority_observation(const std::map<std::string, Observation>& observed);

// Findings already written, by signature and the shape of the reduced program
// (program_shape): a second finding with both the same is a duplicate.
class FindingIndex {
 public:
  // True when the finding is new (and records it).
  bool add(const Signature& signature, const std::string& shape);
  // True when a finding of both is recorded.
  bool has(const Signature& signature, const std::string& shape) const;
  std::size_t size() const { return seen_.size(); }

 private:
  std::set<std::string> seen_;
};

}  // namespace settle
