#include "reports/result_record.h"

#include <nlohmann/json.hpp>

#include "reports/atomic_file.h"
#include "runner/model/observation_json.h"
#include "runner/model/value_json.h"

namespace settle {

using nlohmann::json;

namespace {

json optional_text(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

ResultsUnreadable unreadable(const std::exception& error) {
  return ResultsUnreadable(std::string("a record of the run's results cannot be read back: ") +
                           error.what());
}

json optional_json(const std::optional<Value>& value) {
  return value ? json_of(*value) : json(nullptr);
}

std::optional<std::string> optional_text(const json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<std::string>();
}

}  // namespace

std::string encode_result(const Result& result) {
  const Case& test = *result.test;
  const Observation& seen = result.observed;
  json record = {
      {"id", test.id},
      {"local_id", test.local_id},
      {"file", test.file},
      {"line", test.line},
      {"description", test.description},
      {"outcome", static_cast<int>(test.expect.outcome)},
      {"value", json_of(test.expect.value)},
      {"log", optional_json(test.expect.log)},
      {"has_log", test.expect.log.has_value()},
      {"unhandled", optional_json(test.expect.unhandled)},
      {"expected_rejections", optional_json(test.expect.rejections)},
      {"engine", result.engine},
      {"status", static_cast<int>(result.status)},
      {"observed", observation_to_json(seen)},
      {"duration_ms", result.duration_ms},
      {"message", result.message},
      {"known_failure", optional_text(result.known_failure)},
  };
  std::vector<std::uint8_t> bytes = json::to_cbor(record);
  return std::string(bytes.begin(), bytes.end());
}

void decode_result(std::string_view record, StoredResult& out) {
  try {
    json fields = json::from_cbor(record.begin(), record.end());
    Case& test = out.test;
    test.id = fields.at("id").get<std::string>();
    test.local_id = fields.at("local_id").get<std::string>();
    test.file = fields.at("file").get<std::string>();
    test.line = fields.at("line").get<std::size_t>();
    test.description = fields.at("description").get<std::string>();
    test.expect.outcome = static_cast<Outcome>(fields.at("outcome").get<int>());
    test.expect.value = value_of(std::move(fields.at("value")));
    test.expect.log.reset();
    if (fields.at("has_log").get<bool>()) test.expect.log = value_of(std::move(fields.at("log")));
    test.expect.unhandled.reset();
    test.expect.rejections.reset();
    if (!fields.at("unhandled").is_null())
      test.expect.unhandled = value_of(std::move(fields.at("unhandled")));
    if (!fields.at("expected_rejections").is_null()) {
      test.expect.rejections = value_of(std::move(fields.at("expected_rejections")));
    }

    Result& result = out.result;
    result.test = &test;
    result.engine = fields.at("engine").get<std::string>();
    result.status = static_cast<Status>(fields.at("status").get<int>());
    result.observed = observation_from_json(fields.at("observed"));
    result.duration_ms = fields.at("duration_ms").get<double>();
    result.message = fields.at("message").get<std::string>();
    result.known_failure = optional_text(fields.at("known_failure"));
  } catch (const json::exception& error) {
    throw unreadable(error);
  } catch (const std::runtime_error& error) {  // observation_from_json's own
    throw unreadable(error);
  }
}

}  // namespace settle
