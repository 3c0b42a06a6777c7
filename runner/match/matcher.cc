#include "runner/match/matcher.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include "runner/input/json_source.h"
#include "runner/match/rejection_matcher.h"
#include "runner/model/notation.h"

namespace settle {
namespace {

using nlohmann::json;

const char* const kSpecialValues[] = {"undefined", "NaN", "-0", "Infinity", "-Infinity"};

std::optional<PatternError> error_at(const std::string& path, std::string message) {
  return PatternError{path, std::move(message)};
}

std::optional<PatternError> check_only_keys(const json& pattern, const std::string& path,
                                            std::initializer_list<const char*> allowed) {
  for (const auto& item : pattern.items()) {
    const std::string& key = item.key();  // a lambda cannot capture a structured binding in C++17
    bool known =
        std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; });
    if (!known)
      return error_at(JsonSource::member_path(path, key), "not allowed beside " + tag_of(pattern));
  }
  return std::nullopt;
}

std::optional<PatternError> check_tagged(const json& pattern, const std::string& tag,
                                         const std::string& path) {
  const json& tag_value = pattern[tag];
  std::string tag_path = JsonSource::member_path(path, tag);
  if (tag == "$") {
    bool known =
        tag_value.is_string() && std::any_of(std::begin(kSpecialValues), std::end(kSpecialValues),
                                             [&](const char* name) { return tag_value == name; });
    if (!known) {
      return error_at(tag_path,
                      "must be one of \"undefined\", \"NaN\", \"-0\", \"Infinity\", \"-Infinity\"");
    }
    return check_only_keys(pattern, path, {"$"});
  }
  if (tag == "$error") {
    if (!tag_value.is_string() || tag_value.get<std::string>().empty()) {
      return error_at(tag_path, "must be an error name such as \"TypeError\"");
    }
    for (const auto& [key, member] : pattern.items()) {
      if (key == "$error") continue;
      std::string member_path = JsonSource::member_path(path, key);
      if (key == "message" && !member.is_string()) return error_at(member_path, "must be a string");
      if (is_tag_key(key)) return error_at(member_path, "not allowed beside $error");
      if (auto error = check_pattern(member, member_path)) return error;
    }
    return std::nullopt;
  }
  if (tag == "$same") {
    if (!tag_value.is_string() || tag_value.get<std::string>().empty()) {
      return error_at(tag_path, "must name a global variable");
    }
    return check_only_keys(pattern, path, {"$same"});
  }
  if (tag == "$function") {
    if (tag_value != true) return error_at(tag_path, "must be true");
    if (pattern.contains("name") && !pattern["name"].is_string()) {
      return error_at(JsonSource::member_path(path, "name"), "must be a string");
    }
    return check_only_keys(pattern, path, {"$function", "name"});
  }
  if (tag == "$symbol") {
    if (!tag_value.is_string() && !tag_value.is_null()) {
      return error_at(tag_path, "must be the symbol's description (a string), or null for none");
    }
    return check_only_keys(pattern, path, {"$symbol"});
  }
  if (tag == "$bigint") {
    bool decimal = tag_value.is_string() &&
                   std::regex_match(tag_value.get<std::string>(), std::regex("-?(0|[1-9][0-9]*)"));
    if (!decimal || tag_value == "-0") {
      return error_at(tag_path, "must be the BigInt's value in decimal, such as \"-12\"");
    }
    return check_only_keys(pattern, path, {"$bigint"});
  }
  if (tag == "$any" || tag == "$cut") {
    if (tag_value != true) return error_at(tag_path, "must be true");
    return check_only_keys(pattern, path, {"$any", "$cut"});
  }
  return error_at(
      tag_path,
      "unknown tag (known: $, $error, $same, $function, $symbol, $bigint, $any, $cut; write a "
      "real key that begins with $ as $$...)");
}

bool is_primitive_notation(const json& value) {
  return !value.is_structured() || tag_of(value) == "$";
}

std::string where(const std::string& path) { return path.empty() ? "" : "at " + path + ": "; }

bool fail(std::string* why, const std::string& path, const json& pattern, const json& observed,
          const std::string& detail = {}) {
  if (why) {
    *why = where(path) + "expected " + compact(pattern) + ", observed " + compact(observed);
    if (!detail.empty()) *why += " (" + detail + ")";
  }
  return false;
}

bool matches_at(const json& pattern, const json& observed_in, const json& globals,
                const std::string& path, std::string* why);

bool members_match(const json& pattern, const json& observed, const json& globals,
                   const std::string& path, std::string* why, const std::string& skip_key) {
  for (const auto& [key, member] : pattern.items()) {
    if (key == skip_key) continue;
    if (!observed.contains(key)) {
      return fail(why, path, pattern, observed, "no property " + key);
    }
    if (!matches_at(member, observed[key], globals, JsonSource::member_path(path, key), why)) {
      return false;
    }
  }
  return true;
}

bool matches_tagged(const json& pattern, const std::string& tag, const json& observed,
                    const json& globals, const std::string& path, std::string* why) {
  std::string observed_tag = tag_of(observed);
  if (tag == "$any") return true;
  if (tag == "$") {
    return observed == pattern || fail(why, path, pattern, observed);
  }
  if (tag == "$error") {
    std::string name = pattern["$error"];
    bool named = observed_tag == "$error"
                     ? observed["$error"] == name
                     : observed_tag.empty() && observed.is_object() && observed.contains("name") &&
                           observed["name"] == name;
    if (!named) return fail(why, path, pattern, observed);
    return members_match(pattern, observed, globals, path, why, "$error");
  }
  if (tag == "$same") {
    std::string name = pattern["$same"];
    if (observed_tag == "$same" && observed["$same"] == name) return true;
    const json* value = &observed;
    if (observed_tag == "$same" && observed["$same"].is_string() &&
        globals.contains(observed["$same"].get<std::string>())) {
      value = &globals[observed["$same"].get<std::string>()];  // another global with that value
    }
    if (globals.contains(name) && is_primitive_notation(globals[name]) && *value == globals[name]) {
      return true;
    }
    return fail(why, path, pattern, observed, "not the value of the global " + name);
  }
  if (tag == "$function") {
    if (observed_tag != "$function") return fail(why, path, pattern, observed);
    if (pattern.contains("name") && observed.value("name", json()) != pattern["name"]) {
      return fail(why, path, pattern, observed, "another name");
    }
    return true;
  }
  if (tag == "$cut") {
    return observed_tag == "$cut" || fail(why, path, pattern, observed);
  }
  if (tag == "$symbol") {
    return (observed_tag == "$symbol" && observed["$symbol"] == pattern["$symbol"]) ||
           fail(why, path, pattern, observed);
  }
  if (tag == "$bigint") {
    return (observed_tag == "$bigint" && observed["$bigint"] == pattern["$bigint"]) ||
           fail(why, path, pattern, observed);
  }
  return fail(why, path, pattern, observed, "unknown tag " + tag);
}

bool matches_at(const json& pattern, const json& observed_in, const json& globals,
                const std::string& path, std::string* why) {
  const json* observed = &observed_in;
  std::string pattern_tag = tag_of(pattern);
  // An object the engine recognised as a watched global stands for that global's value.
  if (pattern_tag != "$same" && tag_of(*observed) == "$same" && observed->at("$same").is_string()) {
    auto name = observed->at("$same").get<std::string>();
    if (globals.contains(name)) observed = &globals[name];
  }
  if (!pattern_tag.empty())
    return matches_tagged(pattern, pattern_tag, *observed, globals, path, why);

  if (pattern.is_number()) {
    // SameValue: the report writes -0 and NaN as tags, so a plain number is never either.
    if (observed->is_number() && observed->get<double>() == pattern.get<double>()) return true;
    return fail(why, path, pattern, *observed);
  }
  if (pattern.is_array()) {
    if (!observed->is_array()) return fail(why, path, pattern, *observed);
    if (observed->size() != pattern.size()) {
      return fail(why, path, pattern, *observed,
                  "length " + std::to_string(observed->size()) + ", expected " +
                      std::to_string(pattern.size()));
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (!matches_at(pattern[i], (*observed)[i], globals, JsonSource::element_path(path, i),
                      why)) {
        return false;
      }
    }
    return true;
  }
  if (pattern.is_object()) {
    if (!observed->is_object() || !tag_of(*observed).empty()) {
      return fail(why, path, pattern, *observed);
    }
    for (const auto& [key, member] : observed->items()) {
      if (!pattern.contains(key))
        return fail(why, path, pattern, *observed, "extra property " + key);
    }
    return members_match(pattern, *observed, globals, path, why, "");
  }
  // strings, booleans, null
  return *observed == pattern || fail(why, path, pattern, *observed);
}

void collect_same(const json& pattern, std::vector<std::string>* names) {
  if (tag_of(pattern) == "$same" && pattern["$same"].is_string()) {
    std::string name = pattern["$same"];
    if (std::find(names->begin(), names->end(), name) == names->end()) names->push_back(name);
    return;
  }
  if (pattern.is_structured()) {
    for (const auto& member : pattern) collect_same(member, names);
  }
}

std::string describe(std::optional<Outcome> state, const json& value) {
  if (!state) return "nothing";
  if (*state == Outcome::kPending) return "pending";
  return std::string(outcome_name(*state)) + " " + compact(value);
}

}  // namespace

std::optional<PatternError> check_pattern(const json& pattern, const std::string& path) {
  if (pattern.is_number_float() && pattern.get<double>() == 0 &&
      std::signbit(pattern.get<double>())) {
    return error_at(path, "numbers match by SameValue: write -0 as {\"$\": \"-0\"}");
  }
  if (pattern.is_array()) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (auto error = check_pattern(pattern[i], JsonSource::element_path(path, i))) return error;
    }
    return std::nullopt;
  }
  if (!pattern.is_object()) return std::nullopt;
  std::vector<std::string> tags;
  for (const auto& [key, member] : pattern.items()) {
    if (is_tag_key(key)) tags.push_back(key);
  }
  if (tags.size() > 1) {
    return error_at(path, "a pattern has at most one tag, found " + tags[0] + " and " + tags[1]);
  }
  if (tags.size() == 1) return check_tagged(pattern, tags[0], path);
  for (const auto& [key, member] : pattern.items()) {
    if (auto error = check_pattern(member, JsonSource::member_path(path, key))) return error;
  }
  return std::nullopt;
}

std::vector<std::string> same_references(const Expectation& expect) {
  std::vector<std::string> names;
  collect_same(expect.value, &names);
  if (expect.log) collect_same(*expect.log, &names);
  if (expect.unhandled) collect_same(*expect.unhandled, &names);
  if (expect.rejections) collect_same(*expect.rejections, &names);
  return names;
}

bool value_matches(const json& pattern, const json& observed, const json& globals,
                   std::string* why) {
  return matches_at(pattern, observed, globals, "", why);
}

Verdict match(const Expectation& expect, const Observation& observed, bool strict_rejections) {
  Verdict verdict;
  std::string expected_text =
      expect.outcome == Outcome::kPending
          ? "pending"
          : std::string(outcome_name(expect.outcome)) + " " + compact(expect.value);
  if (observed.state != expect.outcome) {
    verdict.message =
        "expected " + expected_text + "\nobserved " + describe(observed.state, observed.value);
    return verdict;
  }
  std::string why;
  if (expect.outcome != Outcome::kPending &&
      !value_matches(expect.value, observed.value, observed.globals, &why)) {
    verdict.message =
        "expected " + expected_text + "\nobserved " + describe(observed.state, observed.value);
    if (!why.empty() && why.rfind("expected", 0) != 0) verdict.message += "\n" + why;
    return verdict;
  }
  if (expect.log) {
    const json& want = *expect.log;
    const json& got = observed.log;
    std::size_t common = std::min(want.size(), got.size());
    for (std::size_t i = 0; i <= common; ++i) {
      std::string detail;
      if (i == common) {
        if (want.size() == got.size()) break;
        detail = i < want.size() ? "expected " + compact(want[i]) + ", observed nothing"
                                 : "expected nothing, observed " + compact(got[i]);
      } else if (value_matches(want[i], got[i], observed.globals, &why)) {
        continue;
      } else {
        detail = why;
      }
      verdict.message = "expected log " + compact(want, 400) + "\nobserved log " +
                        compact(got, 400) + "\nfirst difference log[" + std::to_string(i) +
                        "]: " + detail;
      return verdict;
    }
  }
  if (auto mismatch = rejections_mismatch(expect, observed, strict_rejections)) {
    verdict.message = std::move(*mismatch);
    return verdict;
  }
  verdict.pass = true;
  return verdict;
}

}  // namespace settle
