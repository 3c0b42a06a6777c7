#pragma once

#include <nlohmann/json.hpp>

#include "runner/model/value.h"

namespace settle {

// The JSON inside a Value, for the code that reads or writes values: the matcher, the loaders,
// the engines' reply parsing, the reports.
struct Value::Data {
  nlohmann::json json;
};

const Value::Data* data_of(const Value& value);
Value::Data& data_of(Value& value);

inline Value value_of(nlohmann::json json) {
  return Value(std::make_unique<Value::Data>(Value::Data{std::move(json)}));
}

// The value's JSON; a null Value reads as JSON null.
const nlohmann::json& json_of(const Value& value);
inline nlohmann::json& json_of(Value& value) { return data_of(value).json; }

}  // namespace settle
