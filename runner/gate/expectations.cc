#include "runner/gate/expectations.h"

#include "runner/input/json_fields.h"
#include "runner/input/json_input.h"
#include "runner/input/text_file.h"
#include "runner/model/first_line.h"

namespace settle {
namespace {

using nlohmann::json;

constexpr char kFormat[] = "settle-expectations/1";

// "\"fail\", \"timeout\" or \"error\"": the statuses an entry may give.
std::string failure_statuses() {
  std::vector<std::string_view> names;
  for (const StatusInfo& status : kStatuses) {
    if (status.failure) names.push_back(status.name);
  }
  return quoted_alternatives(names);
}

KnownFailure known_failure_from(const json& entry, const std::string& path) {
  if (!entry.is_object()) invalid(path, "must be an object {\"status\": ..., \"reason\": ...}");
  check_known_fields(entry, path, {"reason", "status"});
  KnownFailure known;
  const json& status = required_field(entry, path, "status");
  auto named = status.is_string() ? status_from_name(status.get<std::string>()) : std::nullopt;
  if (!named || !is_failure(*named)) {
    invalid(JsonSource::member_path(path, "status"), "must be " + failure_statuses());
  }
  known.status = *named;
  known.reason = string_field(entry, path, "reason");
  return known;
}

Expectations expectations_from(const json& root) {
  if (!root.is_object()) invalid("", "must be an object with \"format\" and \"engines\"");
  check_known_fields(root, "", {"engines", "format"});
  if (const json* format = optional_field(root, "format"); format && *format != kFormat) {
    invalid("format", std::string("must be \"") + kFormat + "\"");
  }
  Expectations expectations;
  const json* engines = optional_field(root, "engines");
  if (!engines) return expectations;
  if (!engines->is_object()) invalid("engines", "must be an object: engine -> case id -> entry");
  for (const auto& [engine, entries] : engines->items()) {
    std::string engine_path = JsonSource::member_path("engines", engine);
    if (!entries.is_object()) invalid(engine_path, "must be an object: case id -> entry");
    auto& listed = expectations.engines[engine];
    for (const auto& [id, entry] : entries.items()) {
      listed[id] = known_failure_from(entry, JsonSource::member_path(engine_path, id));
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
  JsonSource source = parse_json_input(text, file);
  return read_json_input(source, file, expectations_from);
}

Expectations read_expectations(const std::string& path) {
  std::string why;
  std::optional<std::string> read = read_text_file(path, &why);
  if (!read) throw InputError(path, kNoPosition, "", "cannot read the expectations file: " + why);
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
