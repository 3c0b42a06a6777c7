#include "runner/model/value.h"

#include "runner/model/value_json.h"

namespace settle {

Value::Value() = default;
Value::Value(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Value::Value(const Value& other)
    : data_(other.data_ ? std::make_unique<Data>(*other.data_) : nullptr) {}
Value::Value(Value&& other) noexcept = default;
Value& Value::operator=(const Value& other) {
  if (this != &other) data_ = other.data_ ? std::make_unique<Data>(*other.data_) : nullptr;
  return *this;
}
Value& Value::operator=(Value&& other) noexcept = default;
Value::~Value() = default;

Value Value::empty_array() { return value_of(nlohmann::json::array()); }
Value Value::empty_object() { return value_of(nlohmann::json::object()); }

bool Value::operator==(const Value& other) const { return json_of(*this) == json_of(other); }

const Value::Data* data_of(const Value& value) { return value.data_.get(); }

Value::Data& data_of(Value& value) {
  if (!value.data_) value.data_ = std::make_unique<Value::Data>();
  return *value.data_;
}

const nlohmann::json& json_of(const Value& value) {
  static const nlohmann::json null_json;
  const Value::Data* data = data_of(value);
  return data ? data->json : null_json;
}

}  // namespace settle
