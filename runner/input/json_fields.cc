#include "runner/input/json_fields.h"

#include "runner/input/json_input.h"

namespace settle {

using nlohmann::json;

const json* optional_field(const json& object, const std::string& key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const json& required_field(const json& object, const std::string& path, const std::string& key) {
  const json* value = optional_field(object, key);
  if (!value) invalid(path, "missing required field \"" + key + "\"");
  return *value;
}

std::string string_field(const json& object, const std::string& path, const std::string& key) {
  const json* value = optional_field(object, key);
  if (!value) return {};
  if (!value->is_string()) invalid(JsonSource::member_path(path, key), "must be a string");
  return value->get<std::string>();
}

std::optional<bool> bool_field(const json& object, const std::string& path,
                               const std::string& key) {
  const json* value = optional_field(object, key);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) invalid(JsonSource::member_path(path, key), "must be true or false");
  return value->get<bool>();
}

std::vector<std::string> string_list_field(const json& object, const std::string& path,
                                           const std::string& key) {
  const json* value = optional_field(object, key);
  if (!value) return {};
  std::string field = JsonSource::member_path(path, key);
  if (!value->is_array()) invalid(field, "must be an array of strings");
  std::vector<std::string> list;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    if (!item.is_string()) invalid(JsonSource::element_path(field, i), "must be a string");
    list.push_back(item.get<std::string>());
  }
  return list;
}

void check_known_fields(const json& object, const std::string& path,
                        const std::set<std::string>& known) {
  for (const auto& [key, value] : object.items()) {
    if (known.count(key) == 0) {
      std::string list;
      for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
      invalid(JsonSource::member_path(path, key), "unknown field (allowed here: " + list + ")");
    }
  }
}

std::string quoted_alternatives(const std::vector<std::string_view>& values) {
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += i + 1 == values.size() ? " or " : ", ";
    text += "\"" + std::string(values[i]) + "\"";
  }
  return text;
}

}  // namespace settle
