#pragma once

#include <memory>

namespace settle {

// A JSON value: a case's value pattern, or a value an engine observed, in the report notation
// (docs/design.md). Opaque here, so that the many files that pass cases and observations along
// never compile nlohmann/json; the few that read or write values include
// runner/model/value_json.h. A Value owns its JSON, and copies it when it is copied.
class Value {
 public:
  struct Data;  // the JSON itself: runner/model/value_json.h

  Value();  // null
  explicit Value(std::unique_ptr<Data> data);
  Value(const Value& other);
  Value(Value&& other) noexcept;
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept;
  ~Value();

  static Value empty_array();
  static Value empty_object();

  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }

 private:
  friend const Data* data_of(const Value& value);
  friend Data& data_of(Value& value);
  std::unique_ptr<Data> data_;  // null for a JSON null
};

}  // namespace settle
