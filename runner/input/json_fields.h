#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// Typed reads of a JSON object's members, for the readers of the user's files: a member that is
// missing or of the wrong type throws an InvalidField (runner/input/json_input.h) that names it.
// `path` is the object's own path (runner/input/json_source.h), empty for the root.

const nlohmann::json* optional_field(const nlohmann::json& object, const std::string& key);

// "missing required field \"key\"", at the object.
const nlohmann::json& required_field(const nlohmann::json& object, const std::string& path,
                                     const std::string& key);

// The string, or "" when it is absent.
std::string string_field(const nlohmann::json& object, const std::string& path,
                         const std::string& key);

std::optional<bool> bool_field(const nlohmann::json& object, const std::string& path,
                               const std::string& key);

// Empty when it is absent.
std::vector<std::string> string_list_field(const nlohmann::json& object, const std::string& path,
                                           const std::string& key);

// "unknown field (allowed here: a, b, c)" for a member not in `known`.
void check_known_fields(const nlohmann::json& object, const std::string& path,
                        const std::set<std::string>& known);

// "\"a\", \"b\" or \"c\"": the values a field may take, for its message.
std::string quoted_alternatives(const std::vector<std::string_view>& values);

}  // namespace settle
