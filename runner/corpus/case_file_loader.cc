#include "runner/corpus/case_file_loader.h"

#include "runner/match/rejection_matcher.h"

#include <algorithm>
#include <regex>
#include <set>

#include "runner/input/json_fields.h"
#include "runner/input/json_input.h"
#include "runner/match/matcher.h"
#include "runner/model/value_json.h"

namespace settle {
namespace {

using nlohmann::json;

std::vector<std::string> features_field(const json& object, const std::string& path) {
  const json* value = optional_field(object, "features");
  if (!value) return {};
  std::string field = JsonSource::member_path(path, "features");
  if (!value->is_array()) invalid(field, "must be an array of feature names");
  std::vector<std::string> features;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& name = (*value)[i];
    if (!name.is_string() || name.get<std::string>().empty()) {
      invalid(JsonSource::element_path(field, i), "must be a non-empty string");
    }
    features.push_back(name);
  }
  return features;
}

std::string code_field(const json& object, const std::string& path) {
  const json& code = required_field(object, path, "code");
  std::string field = JsonSource::member_path(path, "code");
  if (code.is_string()) return code;
  if (!code.is_array()) invalid(field, "must be a string or an array of lines");
  std::string joined;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!code[i].is_string()) invalid(JsonSource::element_path(field, i), "must be a string");
    if (i > 0) joined += '\n';
    joined += code[i].get<std::string>();
  }
  return joined;
}

void check_value_pattern(const json& pattern, const std::string& path) {
  if (auto error = check_pattern(pattern, path)) invalid(error->path, error->message);
}

Expectation expect_field(const json& object, const std::string& path) {
  const json& expect = required_field(object, path, "expect");
  std::string field = JsonSource::member_path(path, "expect");
  if (!expect.is_object()) invalid(field, "must be an object with one outcome key");
  Expectation result;
  int outcomes = 0;
  for (const auto& [key, value] : expect.items()) {
    std::string member = JsonSource::member_path(field, key);
    if (key == "log") {
      if (!value.is_array()) invalid(member, "must be an array of value patterns");
      check_value_pattern(value, member);
      result.log = value_of(value);
      continue;
    }
    if (key == "unhandled") {
      if (!value.is_array())
        invalid(member, "must be an array of value patterns (the reasons left unhandled)");
      check_value_pattern(value, member);
      result.unhandled = value_of(value);
      continue;
    }
    if (key == "rejections") {
      if (auto problem = check_rejections_pattern(value, member))
        invalid(problem->path, problem->message);
      result.rejections = value_of(value);
      continue;
    }
    auto outcome = outcome_from_name(key);
    if (!outcome) {
      invalid(member,
              "unknown field (allowed: fulfilled, rejected, pending, returns, throws, log, "
              "unhandled, rejections)");
    }
    if (++outcomes > 1) invalid(member, "expect holds exactly one outcome key");
    if (*outcome == Outcome::kPending && value != true) invalid(member, "must be true");
    check_value_pattern(value, member);
    result.outcome = *outcome;
    result.value = value_of(value);
  }
  if (outcomes == 0) {
    invalid(field, "needs one outcome key: fulfilled, rejected, pending, returns or throws");
  }
  return result;
}

Case case_at(const json& object, const std::string& path, const std::string& id_prefix) {
  static const std::regex kIdPattern("[a-z0-9][a-z0-9-]*");
  if (!object.is_object()) invalid(path, "must be an object");
  check_known_fields(
      object, path,
      {"id", "description", "code", "expect", "features", "strict", "timeout_ms", "skip"});
  Case result;
  const json& id = required_field(object, path, "id");
  if (!id.is_string() || !std::regex_match(id.get<std::string>(), kIdPattern)) {
    invalid(JsonSource::member_path(path, "id"), "must match [a-z0-9][a-z0-9-]*");
  }
  result.local_id = id.get<std::string>();
  result.id = id_prefix + "/" + result.local_id;
  result.description = string_field(object, path, "description");
  result.code = code_field(object, path);
  result.expect = expect_field(object, path);
  result.features = features_field(object, path);
  result.strict = bool_field(object, path, "strict").value_or(false);
  if (const json* timeout = optional_field(object, "timeout_ms")) {
    if (!timeout->is_number_integer() || timeout->get<long long>() <= 0 ||
        timeout->get<long long>() > 3'600'000) {
      invalid(JsonSource::member_path(path, "timeout_ms"),
              "must be a whole number of milliseconds from 1 to 3600000");
    }
    result.timeout_ms = timeout->get<int>();
  }
  if (const json* skip = optional_field(object, "skip")) {
    if (!skip->is_string() || skip->get<std::string>().empty()) {
      invalid(JsonSource::member_path(path, "skip"), "must be a non-empty reason");
    }
    result.skip = skip->get<std::string>();
  }
  return result;
}

std::vector<Case> cases_of(const json& root, const std::string& file,
                           const std::string& id_prefix) {
  if (!root.is_object()) invalid("", "a case file holds one JSON object");
  check_known_fields(root, "", {"suite", "spec", "features", "cases"});
  std::string suite = string_field(root, "", "suite");
  std::string spec = string_field(root, "", "spec");
  std::vector<std::string> file_features = features_field(root, "");
  const json& list = required_field(root, "", "cases");
  if (!list.is_array()) invalid("cases", "must be an array of cases");

  std::vector<Case> cases;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string path = JsonSource::element_path("cases", i);
    Case item = case_at(list[i], path, id_prefix);
    if (!seen.insert(item.local_id).second) {
      invalid(JsonSource::member_path(path, "id"), "duplicate id \"" + item.local_id + "\"");
    }
    item.file = file;
    item.suite = suite;
    item.spec = spec;
    std::vector<std::string> features = file_features;
    for (auto& feature : item.features) {
      if (std::find(features.begin(), features.end(), feature) == features.end()) {
        features.push_back(feature);
      }
    }
    item.features = std::move(features);
    cases.push_back(std::move(item));
  }
  return cases;
}

}  // namespace

LoadedCases parse_case_file(const std::string& file, const std::string& id_prefix,
                            std::string text) {
  try {
    JsonSource source =
        parse_json_input(std::move(text), file, JsonSource::Positions::kWhileParsing);
    std::vector<Case> cases = read_json_input(
        source, file, [&](const json& root) { return cases_of(root, file, id_prefix); });
    for (std::size_t i = 0; i < cases.size(); ++i) {
      cases[i].line = source.position_of(JsonSource::element_path("cases", i)).line;
    }
    return cases;
  } catch (const InputError& error) {
    return error;
  }
}

}  // namespace settle
