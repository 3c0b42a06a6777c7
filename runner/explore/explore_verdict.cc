#include "runner/explore/explore_verdict.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "runner/match/matcher.h"
#include "runner/model/value_json.h"

namespace settle {

nlohmann::json without_error_messages(const nlohmann::json& value) {
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) out.push_back(without_error_messages(item));
    return out;
  }
  if (!value.is_object()) return value;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, item] : value.items()) {
    if (key == "message" && value.contains("$error")) continue;
    out[key] = without_error_messages(item);
  }
  return out;
}

namespace {

// The words of a log entry as generated programs write them ("3 thenable", ["2 finally", v]),
// without the step's number: "thenable", "finally".
std::string entry_words(const nlohmann::json& entry) {
  const nlohmann::json& head = entry.is_array() && !entry.empty() ? entry.front() : entry;
  if (!head.is_string()) return head.dump();
  const std::string& text = head.get_ref<const std::string&>();
  const std::size_t space = text.find(' ');
  const bool numbered =
      space != std::string::npos && space > 0 &&
      std::all_of(text.begin(), text.begin() + space, [](char c) { return c >= '0' && c <= '9'; });
  return numbered ? text.substr(space + 1) : text;
}

}  // namespace

std::string first_log_difference(const Observation& observed, const Observation& oracle) {
  const nlohmann::json& mine = json_of(observed.log);
  const nlohmann::json& theirs = json_of(oracle.log);
  std::size_t at = 0;
  while (at < mine.size() && at < theirs.size() &&
         without_error_messages(mine[at]) == without_error_messages(theirs[at]))
    ++at;
  if (at < mine.size()) return entry_words(mine[at]);
  if (at < theirs.size()) return entry_words(theirs[at]);
  return "";
}

bool comparable(const Observation& observed) { return observed.ran() && !observed.uncaught; }

std::string differing_part(const Observation& observed, const Observation& oracle) {
  const bool outcome = observed.state() != oracle.state() ||
                       without_error_messages(json_of(observed.value())) !=
                           without_error_messages(json_of(oracle.value())) ||
                       observed.uncaught.has_value() != oracle.uncaught.has_value();
  const bool log =
      without_error_messages(json_of(observed.log)) != without_error_messages(json_of(oracle.log));
  // Only where both hosts track rejections (docs/design.md, "Unhandled rejections").
  const bool rejections = observed.rejections && oracle.rejections &&
                          without_error_messages(json_of(*observed.rejections)) !=
                              without_error_messages(json_of(*oracle.rejections));
  std::string parts;
  for (const auto& [differs, name] : {std::pair{outcome, "outcome"}, std::pair{log, "log"},
                                      std::pair{rejections, "rejections"}}) {
    if (differs) parts += (parts.empty() ? "" : "+") + std::string(name);
  }
  return parts;
}

std::string signature_text(const Signature& signature) {
  std::string text;
  for (const auto& [engine, part] : signature)
    text += (text.empty() ? "" : " ") + engine + ":" + part;
  return text;
}

std::vector<std::string> single_parts(const std::string& part) {
  const std::size_t at = part.find('@');
  const std::string where = at == std::string::npos ? "" : part.substr(at);
  std::istringstream names(part.substr(0, at));
  std::vector<std::string> parts;
  for (std::string name; std::getline(names, name, '+');)
    parts.push_back(name == "log" ? name + where : name);
  return parts;
}

std::string part_words(const std::string& part) {
  const std::size_t at = part.find('@');
  if (at == std::string::npos) return part;
  return part.substr(0, at) + " (first at \"" + part.substr(at + 1) + "\")";
}

Signature signature_of(const std::map<std::string, Observation>& observed,
                       const Observation& oracle) {
  Signature signature;
  for (const auto& [engine, observation] : observed) {
    if (!comparable(observation)) continue;
    std::string part = differing_part(observation, oracle);
    if (part.find("log") != std::string::npos)
      part += "@" + first_log_difference(observation, oracle);
    if (!part.empty()) signature[engine] = part;
  }
  return signature;
}

std::optional<Observation> majority_observation(
    const std::map<std::string, Observation>& observed) {
  std::vector<const Observation*> kinds;
  std::vector<std::size_t> counts;
  std::size_t total = 0;
  for (const auto& entry : observed) {
    const Observation& observation = entry.second;
    if (!comparable(observation)) continue;
    ++total;
    std::size_t k = 0;
    while (k < kinds.size() && !differing_part(observation, *kinds[k]).empty()) ++k;
    if (k == kinds.size()) {
      kinds.push_back(&observation);
      counts.push_back(0);
    }
    ++counts[k];
  }
  for (std::size_t k = 0; k < kinds.size(); ++k)
    if (counts[k] * 2 > total) return *kinds[k];
  return std::nullopt;
}

Expectation finding_expectation(const Observation& oracle, bool with_rejections) {
  Expectation expect;
  expect.outcome = *oracle.state();
  expect.value = expect.outcome == Outcome::kPending
                     ? value_of(true)
                     : value_of(without_error_messages(json_of(oracle.value())));
  expect.log = value_of(without_error_messages(json_of(oracle.log)));
  if (with_rejections && oracle.rejections) {
    expect.rejections = value_of(without_error_messages(json_of(*oracle.rejections)));
  }
  return expect;
}

bool finding_holds(const Expectation& expect, const std::map<std::string, Observation>& observed,
                   const Signature& signature) {
  for (const auto& [engine, observation] : observed) {
    if (!comparable(observation)) continue;
    if (match(expect, observation).pass == (signature.count(engine) != 0)) return false;
  }
  return true;
}

bool FindingIndex::add(const Signature& signature, const std::string& shape) {
  return seen_.insert(signature_text(signature) + "|" + shape).second;
}

bool FindingIndex::has(const Signature& signature, const std::string& shape) const {
  return seen_.count(signature_text(signature) + "|" + shape) != 0;
}

}  // namespace settle
