#include "runner/expectations.h"
#include "runner/text_file.h"

#include <fstream>
#include <sstream>

#include "runner/json_source.h"
#include "runner/model/first_line.h"

namespace settle {
namespace {

using nlohmann::json;

constexpr char kFormat[] = "settle-expectations/1";

// Thrown while validating; turned into an ExpectationsError with the field's position.
struct Invalid {
  std::string field;
  std::string message;
};

[[noreturn]] void invalid(const std::string& field, std::string message) {
  throw Invalid{field, std::move(message)};
}

KnownFailure known_failure_from(const json& entry, const std::string& path) {
  if (!entry.is_object()) invalid(path, "must be an object {\"status\": ..., \"reason\": ...}");
  KnownFailure known;
  bool has_status = false;
  for (const auto& [key, value] : entry.items()) {
    std::string field = JsonSource::member_path(path, key);
    if (key == "status") {
      auto status = value.is_string() ? status_from_name(value.get<std::string>()) : std::nullopt;
      if (!status || !is_failure(*status))
        invalid(field, "must be \"fail\", \"timeout\" or \"error\"");
      known.status = *status;
      has_status = true;
    } else if (key == "reason") {
      if (!value.is_string()) invalid(field, "must be a string");
      known.reason = value.get<std::string>();
    } else {
      invalid(field, "unknown field (allowed here: reason, status)");
    }
  }
  if (!has_status) invalid(path, "missing required field \"status\"");
  return known;
}

Expectations expectations_from(const json& root) {
  if (!root.is_object()) invalid("", "must be an object with \"format\" and \"engines\"");
  Expectations expectations;
  for (const auto& [key, value] : root.items()) {
    if (key == "format") {
      if (value != kFormat) invalid("format", std::string("must be \"") + kFormat + "\"");
    } else if (key == "engines") {
      if (!value.is_object()) invalid("engines", "must be an object: engine -> case id -> entry");
      for (const auto& [engine, entries] : value.items()) {
        std::string engine_path = JsonSource::member_path("engines", engine);
        if (!entries.is_object()) invalid(engine_path, "must be an object: case id -> entry");
        auto& listed = expectations.engines[engine];
        for (const auto& [id, entry] : entries.items()) {
          listed[id] = known_failure_from(entry, JsonSource::member_path(engine_path, id));
        }
      }
    } else {
      invalid(key, "unknown field (allowed here: engines, format)");
    }
  }
  return expectations;
}

}  // namespace

const KnownFailure* Expectations::find(const std::string& engine, const std::string& id) const {
  auto listed = engines.find(engine);
  if (listed == engines.end()) return nullptr;
  auto entry = listed->second.find(id);
  return entry == listed->second.end() ? nullptr : &entry->second;
}

Expectations parse_expectations(const std::string& text, const std::string& file) {
  JsonSource source;
  try {
    source = JsonSource::parse(text);
  } catch (const JsonSyntaxError& error) {
    throw ExpectationsError(file + ":" + std::to_string(error.where().line) + ":" +
                            std::to_string(error.where().column) + ": " + error.what());
  }
  try {
    return expectations_from(source.root());
  } catch (const Invalid& problem) {
    SourcePosition where = source.position_of(problem.field);
    throw ExpectationsError(file + ":" + std::to_string(where.line) + ":" +
                            std::to_string(where.column) + ": " +
                            (problem.field.empty() ? "" : problem.field + ": ") + problem.message);
  }
}

Expectations read_expectations(const std::string& path) {
  std::optional<std::string> read = read_text_file(path);
  if (!read) throw ExpectationsError("cannot read the expectations file " + path);
  return parse_expectations(*read, path);
}

std::string expectations_text(const Expectations& expectations) {
  json engines = json::object();
  for (const auto& [engine, entries] : expectations.engines) {
    if (entries.empty()) continue;
    json& listed = engines[engine] = json::object();
    for (const auto& [id, known] : entries) {
      json entry = {{"status", status_name(known.status)}};
      if (!known.reason.empty()) entry["reason"] = known.reason;
      listed[id] = entry;
    }
  }
  json root = {{"format", kFormat}, {"engines", engines}};
  return "// Known failures per engine, for `settle run --expectations`.\n"
         "// Written by `settle run --update-expectations`; reasons are kept when it rewrites "
         "it.\n" +
         root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void mark_known_failure(Result& result, const Expectations& expectations) {
  if (!is_failure(result.status)) return;
  const KnownFailure* known = expectations.find(result.engine, result.test->id);
  if (known && known->status == result.status) result.known_failure = known->reason;
}

Expectations updated_expectations(const Expectations& previous,
                                  const std::vector<ResultFact>& results,
                                  const std::vector<std::string>& engines_run,
                                  const std::set<std::string>& existing_ids) {
  Expectations updated = previous;
  for (auto& [engine, entries] : updated.engines) {
    for (auto entry = entries.begin(); entry != entries.end();) {
      entry = existing_ids.count(entry->first) ? std::next(entry) : entries.erase(entry);
    }
  }
  for (const std::string& engine : engines_run) updated.engines[engine];
  for (const ResultFact& result : results) {
    const std::string id(result.id()), engine(result.engine());
    const Status status = result.status();
    auto& entries = updated.engines[engine];
    if (!is_failure(status)) {
      entries.erase(id);
      continue;
    }
    const KnownFailure* before = previous.find(engine, id);
    KnownFailure known;
    known.status = status;
    known.reason = before && before->status == status && !before->reason.empty()
                       ? before->reason
                       : first_line(std::string(result.message()));
    entries[id] = known;
  }
  return updated;
}

}  // namespace settle
