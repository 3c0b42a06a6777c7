#include "runner/gate/report_reader.h"

#include <map>
#include <utility>

#include "runner/input/json_fields.h"
#include "runner/input/json_input.h"
#include "runner/input/text_file.h"
#include "runner/model/outcome.h"
#include "runner/model/value_json.h"

namespace settle {
namespace {

using nlohmann::json;

// A string member; null stands for an absent one.
std::string string_at(const json& object, const std::string& key, const std::string& path,
                      bool required = false) {
  const json* found = optional_field(object, key);
  if (!found || found->is_null()) {
    if (required) invalid(path, "missing required field \"" + key + "\"");
    return {};
  }
  if (!found->is_string()) invalid(JsonSource::member_path(path, key), "must be a string");
  return found->get<std::string>();
}

double number_at(const json& object, const std::string& key) {
  auto found = object.find(key);
  return found != object.end() && found->is_number() ? found->get<double>() : 0.0;
}

// A line or column: a whole number, else 0 (a double out of size_t's range cannot be cast).
std::size_t position_at(const json& object, const std::string& key) {
  auto found = object.find(key);
  return found != object.end() && found->is_number_unsigned() ? found->get<std::size_t>() : 0;
}

Expectation expectation_from(const json& expected) {
  Expectation expect;
  if (!expected.is_object()) return expect;
  for (const auto& [key, value] : expected.items()) {
    if (key == "log") {
      expect.log = value_of(value);
    } else if (key == "unhandled") {
      expect.unhandled = value_of(value);
    } else if (key == "rejections") {
      expect.rejections = value_of(value);
    } else if (auto outcome = outcome_from_name(key)) {
      expect.outcome = *outcome;
      expect.value = value_of(value);
    }
  }
  return expect;
}

bool flag_at(const json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_boolean() && found->get<bool>();
}

// How the case ended, as far as a report says: its state, else (null) by the result's status.
Ending ending_from(const json& observed, Status status, const std::string& message) {
  std::optional<Outcome> state;
  auto state_field = observed.find("state");
  if (state_field != observed.end() && state_field->is_string()) {
    state = outcome_from_name(state_field->get<std::string>());
  }
  Value value;
  if (auto found = observed.find("value"); found != observed.end()) value = value_of(*found);
  if (state == Outcome::kThrows) {
    Test262Phase phase = flag_at(observed, "parse_error")        ? Test262Phase::kParse
                         : flag_at(observed, "resolution_error") ? Test262Phase::kResolution
                                                                 : Test262Phase::kRuntime;
    return Threw{phase, std::move(value), std::nullopt};
  }
  if (state) return Settled{*state, std::move(value)};
  if (status == Status::kTimeout) return TimedOut{};
  if (status == Status::kSkip) return NotRun{message};
  return Faulted{message};
}

Observation observation_from(const json& observed, Status status, const std::string& message) {
  // find() on a value that is not an object finds nothing: such an "observed" says no more than
  // the result's status.
  Observation observation;
  observation.ending = ending_from(observed, status, message);
  if (auto log = observed.find("log"); log != observed.end()) observation.log = value_of(*log);
  if (auto globals = observed.find("globals"); globals != observed.end()) {
    observation.globals = value_of(*globals);
  }
  if (auto rejections = observed.find("rejections");
      rejections != observed.end() && rejections->is_array()) {
    observation.rejections = value_of(*rejections);
  }
  if (auto printed = observed.find("printed"); printed != observed.end() && printed->is_string()) {
    observation.printed = printed->get<std::string>();
  }
  return observation;
}

void check_format(const json& root) {
  auto format = root.find("format");
  if (format == root.end() || !format->is_string()) {
    invalid("format", std::string("missing: not a settle JSON report (\"format\": \"") +
                          kReportFormat + "\")");
  }
  std::string found = format->get<std::string>();
  if (found == kReportFormat) return;
  if (found.rfind("settle-report/", 0) == 0) {
    invalid("format", "the report is " + found + ", which this settle (" + SETTLE_VERSION +
                          ") does not read: it reads " + kReportFormat +
                          "; use the settle version that wrote it, or a newer one");
  }
  invalid("format",
          "\"" + found + "\" is not a settle report format (expected \"" + kReportFormat + "\")");
}

void read_run(const json& root, LoadedReport& report) {
  report.run.settle_version = string_at(root, "settle_version", "");
  report.run.started = string_at(root, "started", "");
  if (auto complete = root.find("complete"); complete != root.end() && complete->is_boolean()) {
    report.complete = complete->get<bool>();
  }
  report.seconds = number_at(root, "seconds");
  if (auto settings = root.find("settings"); settings != root.end() && settings->is_object()) {
    for (const auto& [key, value] : settings->items()) {
      report.run.settings.set(key, value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  if (auto engines = root.find("engines"); engines != root.end() && engines->is_array()) {
    for (std::size_t i = 0; i < engines->size(); ++i) {
      const json& engine = (*engines)[i];
      std::string path = JsonSource::element_path("engines", i);
      if (!engine.is_object()) invalid(path, "must be an object");
      EngineInfo info;
      info.name = string_at(engine, "name", path, true);
      info.version = string_at(engine, "version", path);
      std::string adapter = string_at(engine, "adapter", path, true);
      auto kind = adapter_from_name(adapter);
      if (!kind) {
        invalid(JsonSource::member_path(path, "adapter"),
                "must be " + quoted_alternatives(adapter_names()));
      }
      info.adapter = *kind;
      if (auto features = engine.find("features");
          features != engine.end() && features->is_object()) {
        for (const auto& [name, present] : features->items()) {
          info.features[name] = present.is_boolean() && present.get<bool>();
        }
      }
      report.run.engines.push_back(std::move(info));
    }
  }
  if (auto errors = root.find("load_errors"); errors != root.end() && errors->is_array()) {
    for (std::size_t i = 0; i < errors->size(); ++i) {
      const json& error = (*errors)[i];
      if (!error.is_object()) continue;
      std::string path = JsonSource::element_path("load_errors", i);
      report.run.load_errors.emplace_back(
          string_at(error, "file", path),
          SourcePosition{position_at(error, "line"), position_at(error, "column")},
          string_at(error, "field", path), string_at(error, "message", path));
    }
  }
}

void read_results(const json& root, LoadedReport& report) {
  auto results = root.find("results");
  if (results == root.end() || !results->is_array()) {
    invalid("results", "missing, or not an array of records");
  }
  std::map<std::string, Case*> cases;
  std::map<std::pair<const Case*, std::string>, std::size_t> seen;  // (case, engine): index
  for (std::size_t i = 0; i < results->size(); ++i) {
    const json& record = (*results)[i];
    std::string path = JsonSource::element_path("results", i);
    if (!record.is_object()) invalid(path, "must be an object");
    std::string id = string_at(record, "id", path, true);
    Case*& test = cases[id];
    if (!test) {
      test = &report.cases.emplace_back();
      test->id = id;
      test->local_id = id.substr(id.rfind('/') == std::string::npos ? 0 : id.rfind('/') + 1);
      test->file = string_at(record, "file", path);
      test->description = string_at(record, "description", path);
      if (auto expected = record.find("expected"); expected != record.end()) {
        test->expect = expectation_from(*expected);
      }
    }
    Result result;
    result.test = test;
    result.engine = string_at(record, "engine", path, true);
    auto [first, fresh] = seen.emplace(std::make_pair(test, result.engine), i);
    if (!fresh) {
      invalid(path, "a second result of " + id + " on " + result.engine + " (the first is " +
                        JsonSource::element_path("results", first->second) + ")");
    }
    std::string status = string_at(record, "status", path, true);
    auto parsed = status_from_name(status);
    if (!parsed)
      invalid(JsonSource::member_path(path, "status"), "unknown status \"" + status + "\"");
    result.status = *parsed;
    result.duration_ms = number_at(record, "duration_ms");
    result.message = string_at(record, "message", path);
    auto observed = record.find("observed");
    result.observed = observation_from(observed != record.end() ? *observed : json::object(),
                                       result.status, result.message);
    if (auto known = record.find("known_failure"); known != record.end() && known->is_string()) {
      result.known_failure = known->get<std::string>();
    }
    report.results.push_back(std::move(result));
  }
}

}  // namespace

Summary LoadedReport::summary() const {
  Summary summary;
  for (const Result& result : results) summary.add(result);
  summary.load_errors = run.load_errors.size();
  summary.complete = complete;
  summary.seconds = seconds;
  return summary;
}

LoadedReport parse_report(std::string text, const std::string& source) {
  JsonSource json_text = parse_json_input(std::move(text), source);
  return read_json_input(json_text, source, [&](const json& root) {
    LoadedReport report;
    report.source = source;
    if (!root.is_object()) invalid("", "not a settle JSON report (expected an object)");
    check_format(root);
    read_run(root, report);
    read_results(root, report);
    return report;
  });
}

LoadedReport read_report(const std::string& path) {
  std::string why;
  std::optional<std::string> read = read_text_file(path, &why);
  if (!read) throw InputError(path, kNoPosition, "", "cannot read the report: " + why);
  return parse_report(std::move(*read), path);
}

}  // namespace settle
