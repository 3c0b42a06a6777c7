#include "reports/result_record.h"

#include <nlohmann/json.hpp>

#include "reports/atomic_file.h"

namespace settle {

using nlohmann::json;

namespace {

json optional_text(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
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
      {"value", test.expect.value},
      {"log", test.expect.log ? *test.expect.log : json()},
      {"has_log", test.expect.log.has_value()},
      {"unhandled", test.expect.unhandled ? *test.expect.unhandled : json()},
      {"expected_rejections", test.expect.rejections ? *test.expect.rejections : json()},
      {"rejections", seen.rejections ? *seen.rejections : json()},
      {"engine", result.engine},
      {"status", static_cast<int>(result.status)},
      {"state", seen.state ? json(static_cast<int>(*seen.state)) : json(nullptr)},
      {"observed_value", seen.value},
      {"observed_log", seen.log},
      {"globals", seen.globals},
      {"printed", seen.printed},
      {"parse_error", seen.parse_error},
      {"resolution_error", seen.resolution_error},
      {"thrown_constructor", seen.thrown_constructor},
      {"harness_error", seen.harness_error},
      {"uncaught", seen.uncaught},
      {"timed_out", seen.timed_out},
      {"fault", seen.fault},
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
    test.expect.value = std::move(fields.at("value"));
    test.expect.log.reset();
    if (fields.at("has_log").get<bool>()) test.expect.log = std::move(fields.at("log"));
    test.expect.unhandled.reset();
    test.expect.rejections.reset();
    if (!fields.at("unhandled").is_null())
      test.expect.unhandled = std::move(fields.at("unhandled"));
    if (!fields.at("expected_rejections").is_null()) {
      test.expect.rejections = std::move(fields.at("expected_rejections"));
    }

    Result& result = out.result;
    result.test = &test;
    result.engine = fields.at("engine").get<std::string>();
    result.status = static_cast<Status>(fields.at("status").get<int>());
    Observation& seen = result.observed;
    const json& state = fields.at("state");
    seen.state = state.is_null() ? std::nullopt
                                 : std::optional<Outcome>(static_cast<Outcome>(state.get<int>()));
    seen.value = std::move(fields.at("observed_value"));
    seen.log = std::move(fields.at("observed_log"));
    seen.globals = std::move(fields.at("globals"));
    seen.printed = fields.at("printed").get<std::string>();
    seen.parse_error = fields.at("parse_error").get<bool>();
    seen.resolution_error = fields.at("resolution_error").get<bool>();
    seen.thrown_constructor = fields.at("thrown_constructor").get<std::string>();
    seen.harness_error = fields.at("harness_error").get<std::string>();
    seen.uncaught = fields.at("uncaught").get<std::string>();
    seen.timed_out = fields.at("timed_out").get<bool>();
    seen.fault = fields.at("fault").get<std::string>();
    seen.rejections.reset();
    if (!fields.at("rejections").is_null()) seen.rejections = std::move(fields.at("rejections"));
    result.duration_ms = fields.at("duration_ms").get<double>();
    result.message = fields.at("message").get<std::string>();
    result.known_failure = optional_text(fields.at("known_failure"));
  } catch (const json::exception& error) {
    throw ResultsUnreadable(std::string("a record of the run's results cannot be read back: ") +
                            error.what());
  }
}

}  // namespace settle
