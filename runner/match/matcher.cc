#include "runner/match/matcher.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include "runner/input/json_source.h"
#include "runner/match/rejection_matcher.h"
#include "runner/model/notation.h"
#include "runner/model/value_json.h"

namespace settle {
namespace {

using nlohmann::json;

const char* const kSpecialValues[] = {"undefined", "NaN", "-0", "Infinity", "-Infinity"};

std::optional<PatternError> error_at(const std::string& path, std::string message) {
  return PatternError{path, std::move(message)};
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

// Where a tagged pattern is matched: the observed value, the watched globals ($same), the path for
// the message and where to write it.
struct MatchSite {
  const json& observed;
  const json& globals;
  const std::string& path;
  std::string* why;

  std::string observed_tag() const { return tag_of(observed); }
  bool mismatch(const json& pattern, const std::string& detail = {}) const {
    return fail(why, path, pattern, observed, detail);
  }
};

// What a pattern's tag checks of the value in the same place: a function per tag.

bool valid_special(const json& tag_value) {
  return tag_value.is_string() && std::any_of(std::begin(kSpecialValues), std::end(kSpecialValues),
                                              [&](const char* name) { return tag_value == name; });
}
bool match_special(const json& pattern, const MatchSite& at) {
  return at.observed == pattern || at.mismatch(pattern);
}

bool valid_name(const json& tag_value) {
  return tag_value.is_string() && !tag_value.get<std::string>().empty();
}
bool match_error(const json& pattern, const MatchSite& at) {
  const json& observed = at.observed;
  std::string name = pattern["$error"];
  std::string observed_tag = at.observed_tag();
  bool named = observed_tag == "$error" ? observed["$error"] == name
                                        : observed_tag.empty() && observed.is_object() &&
                                              observed.contains("name") && observed["name"] == name;
  if (!named) return at.mismatch(pattern);
  return members_match(pattern, observed, at.globals, at.path, at.why, "$error");
}

bool match_same(const json& pattern, const MatchSite& at) {
  const json& observed = at.observed;
  const json& globals = at.globals;
  std::string name = pattern["$same"];
  bool observed_same = at.observed_tag() == "$same";
  if (observed_same && observed["$same"] == name) return true;
  const json* value = &observed;
  if (observed_same && observed["$same"].is_string() &&
      globals.contains(observed["$same"].get<std::string>())) {
    value = &globals[observed["$same"].get<std::string>()];  // another global with that value
  }
  if (globals.contains(name) && is_primitive_notation(globals[name]) && *value == globals[name]) {
    return true;
  }
  return at.mismatch(pattern, "not the value of the global " + name);
}

bool valid_true(const json& tag_value) { return tag_value == true; }
bool match_function(const json& pattern, const MatchSite& at) {
  if (at.observed_tag() != "$function") return at.mismatch(pattern);
  if (pattern.contains("name") && at.observed.value("name", json()) != pattern["name"]) {
    return at.mismatch(pattern, "another name");
  }
  return true;
}

bool valid_description(const json& tag_value) {
  return tag_value.is_string() || tag_value.is_null();
}
bool valid_decimal(const json& tag_value) {
  bool decimal = tag_value.is_string() &&
                 std::regex_match(tag_value.get<std::string>(), std::regex("-?(0|[1-9][0-9]*)"));
  return decimal && tag_value != "-0";
}
// $symbol and $bigint: the same tag with the same value.
bool match_same_tag(const json& pattern, const MatchSite& at) {
  const std::string tag = tag_of(pattern);
  return (at.observed_tag() == tag && at.observed[tag] == pattern[tag]) || at.mismatch(pattern);
}

bool match_any(const json&, const MatchSite&) { return true; }
bool match_cut(const json& pattern, const MatchSite& at) {
  return at.observed_tag() == "$cut" || at.mismatch(pattern);
}

// What a tagged object may hold beside its tag.
enum class Beside {
  kNothing,
  kName,      // $function: a "name" string
  kPatterns,  // $error: properties, each a pattern; "message" a string
};

// One `$` tag of the value notation (docs/design.md, "Value patterns"): what its value must be
// when a case file loads, what may stand beside it, and how it matches an observed value.
struct TagRule {
  const char* tag;
  bool (*valid)(const json& tag_value);
  const char* must_be;  // the message when the tag's value is not valid
  Beside beside;
  bool (*matches)(const json& pattern, const MatchSite& at);
};

const TagRule kTagRules[] = {
    {"$", valid_special,
     "must be one of \"undefined\", \"NaN\", \"-0\", \"Infinity\", \"-Infinity\"", Beside::kNothing,
     match_special},
    {"$error", valid_name, "must be an error name such as \"TypeError\"", Beside::kPatterns,
     match_error},
    {"$same", valid_name, "must name a global variable", Beside::kNothing, match_same},
    {"$function", valid_true, "must be true", Beside::kName, match_function},
    {"$symbol", valid_description, "must be the symbol's description (a string), or null for none",
     Beside::kNothing, match_same_tag},
    {"$bigint", valid_decimal, "must be the BigInt's value in decimal, such as \"-12\"",
     Beside::kNothing, match_same_tag},
    {"$any", valid_true, "must be true", Beside::kNothing, match_any},
    {"$cut", valid_true, "must be true", Beside::kNothing, match_cut},
};

const TagRule* tag_rule(const std::string& tag) {
  for (const TagRule& rule : kTagRules) {
    if (tag == rule.tag) return &rule;
  }
  return nullptr;
}

std::string known_tags() {
  std::string known;
  for (const TagRule& rule : kTagRules)
    known += (known.empty() ? "" : ", ") + std::string(rule.tag);
  return known;
}

std::optional<PatternError> check_beside(const json& pattern, const TagRule& rule,
                                         const std::string& path) {
  if (rule.beside == Beside::kName && pattern.contains("name") && !pattern["name"].is_string()) {
    return error_at(JsonSource::member_path(path, "name"), "must be a string");
  }
  for (const auto& [key, member] : pattern.items()) {
    if (key == rule.tag) continue;
    std::string member_path = JsonSource::member_path(path, key);
    if (rule.beside == Beside::kPatterns) {
      if (key == "message" && !member.is_string()) return error_at(member_path, "must be a string");
      if (is_tag_key(key))
        return error_at(member_path, "not allowed beside " + std::string(rule.tag));
      if (auto error = check_pattern(member, member_path)) return error;
    } else if (!(rule.beside == Beside::kName && key == "name")) {
      return error_at(member_path, "not allowed beside " + std::string(rule.tag));
    }
  }
  return std::nullopt;
}

std::optional<PatternError> check_tagged(const json& pattern, const std::string& tag,
                                         const std::string& path) {
  const TagRule* rule = tag_rule(tag);
  std::string tag_path = JsonSource::member_path(path, tag);
  if (!rule) {
    return error_at(tag_path, "unknown tag (known: " + known_tags() +
                                  "; write a real key that begins with $ as $$...)");
  }
  if (!rule->valid(pattern[tag])) return error_at(tag_path, rule->must_be);
  return check_beside(pattern, *rule, path);
}

bool matches_tagged(const json& pattern, const std::string& tag, const json& observed,
                    const json& globals, const std::string& path, std::string* why) {
  MatchSite at{observed, globals, path, why};
  const TagRule* rule = tag_rule(tag);
  if (!rule) return at.mismatch(pattern, "unknown tag " + tag);
  return rule->matches(pattern, at);
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
  collect_same(json_of(expect.value), &names);
  if (expect.log) collect_same(json_of(*expect.log), &names);
  if (expect.unhandled) collect_same(json_of(*expect.unhandled), &names);
  if (expect.rejections) collect_same(json_of(*expect.rejections), &names);
  return names;
}

bool value_matches(const json& pattern, const json& observed, const json& globals,
                   std::string* why) {
  return matches_at(pattern, observed, globals, "", why);
}

Verdict match(const Expectation& expect, const Observation& observed, bool strict_rejections) {
  Verdict verdict;
  const json& expected_value = json_of(expect.value);
  const json& observed_value = json_of(observed.value());
  const json& globals = json_of(observed.globals);
  std::string expected_text =
      expect.outcome == Outcome::kPending
          ? "pending"
          : std::string(outcome_name(expect.outcome)) + " " + compact(expected_value);
  if (observed.state() != expect.outcome) {
    verdict.message =
        "expected " + expected_text + "\nobserved " + describe(observed.state(), observed_value);
    return verdict;
  }
  std::string why;
  if (expect.outcome != Outcome::kPending &&
      !value_matches(expected_value, observed_value, globals, &why)) {
    verdict.message =
        "expected " + expected_text + "\nobserved " + describe(observed.state(), observed_value);
    if (!why.empty() && why.rfind("expected", 0) != 0) verdict.message += "\n" + why;
    return verdict;
  }
  if (expect.log) {
    const json& want = json_of(*expect.log);
    const json& got = json_of(observed.log);
    std::size_t common = std::min(want.size(), got.size());
    for (std::size_t i = 0; i <= common; ++i) {
      std::string detail;
      if (i == common) {
        if (want.size() == got.size()) break;
        detail = i < want.size() ? "expected " + compact(want[i]) + ", observed nothing"
                                 : "expected nothing, observed " + compact(got[i]);
      } else if (value_matches(want[i], got[i], globals, &why)) {
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
