#include "reports/json_reporter.h"

#include <cmath>

#include "reports/atomic_file.h"
#include "runner/report_reader.h"

namespace settle {

using nlohmann::json;

json JsonReporter::expected_json(const Expectation& expect) {
  json expected = json::object();
  expected[std::string(outcome_name(expect.outcome))] = expect.value;
  if (expect.log) expected["log"] = *expect.log;
  return expected;
}

json JsonReporter::observed_json(const Observation& observed) {
  json out = json::object();
  out["state"] = observed.state ? json(outcome_name(*observed.state)) : json(nullptr);
  if (observed.state && *observed.state != Outcome::kPending) out["value"] = observed.value;
  out["log"] = observed.log;
  if (!observed.globals.empty()) out["globals"] = observed.globals;
  if (!observed.printed.empty()) out["printed"] = observed.printed;
  if (observed.parse_error) out["parse_error"] = true;
  if (!observed.harness_error.empty()) out["harness_error"] = observed.harness_error;
  return out;
}

json JsonReporter::result_json(const Result& result) {
  const Case& test = *result.test;
  json record = {
      {"id", test.id},
      {"file", test.file},
      {"engine", result.engine},
      {"status", status_name(result.status)},
      {"expected", expected_json(test.expect)},
  };
  if (test.test262) {  // how the test262 rules judged it (INTERPRETING.md)
    if (test.test262->negative) record["expected"]["phase"] = test.test262->negative->phase;
    if (test.test262->async) record["expected"]["print"] = "Test262:AsyncTestComplete";
  }
  record["observed"] = observed_json(result.observed);
  record["duration_ms"] = std::round(result.duration_ms * 1000) / 1000;
  record["message"] = result.message;
  if (!test.description.empty()) record["description"] = test.description;
  if (result.known_failure) record["known_failure"] = *result.known_failure;
  return record;
}

void JsonReporter::begin(const RunInfo& run) {
  report_ = {
      {"format", kReportFormat},   {"settle_version", run.settle_version},
      {"started", run.started},    {"complete", false},
      {"settings", run.settings},  {"engines", json::array()},
      {"summary", json::object()}, {"load_errors", json::array()},
      {"results", json::array()},
  };
  for (const EngineInfo& engine : run.engines) {
    report_["engines"].push_back({{"name", engine.name},
                                  {"version", engine.version},
                                  {"adapter", engine.adapter},
                                  {"features", engine.features}});
  }
  for (const LoadError& error : run.load_errors) {
    report_["load_errors"].push_back({{"file", error.file},
                                      {"line", error.where.line},
                                      {"column", error.where.column},
                                      {"field", error.field},
                                      {"message", error.message}});
  }
}

// Each record is written to the spill file as it comes, indented as it stands in the report;
// end() puts them in their place between the fields before and after "results".
void JsonReporter::add(const Result& result) {
  if (!results_) results_ = std::make_unique<SpillFile>(path_);
  std::string record = result_json(result).dump(2, ' ', false, json::error_handler_t::replace);
  std::string text = count_ == 0 ? "    " : ",\n    ";
  text.reserve(text.size() + record.size() + record.size() / 8);
  for (char c : record) {
    text += c;
    if (c == '\n') text += "    ";  // JSON text has no newline inside a string
  }
  results_->append(text);
  ++count_;
}

void JsonReporter::end(const Summary& summary) {
  report_["complete"] = summary.complete;
  report_["seconds"] = std::round(summary.seconds * 1000) / 1000;
  for (const auto& [engine, counts] : summary.per_engine) {
    json& line = report_["summary"][engine];
    for (Status status :
         {Status::kPass, Status::kFail, Status::kSkip, Status::kTimeout, Status::kError}) {
      line[std::string(status_name(status))] = counts.count(status);
    }
    line["total"] = counts.total();
  }
  if (results_ && !results_->error().empty()) {
    throw ReportWriteError(results_->error());
  }
  // The report without its records, cut where they go: nlohmann::json writes an object's members
  // in key order, so "results" sits between "load_errors" and "seconds".
  std::string text = report_.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  static const std::string kSlot = "\n  \"results\": [";
  std::size_t slot = text.find(kSlot + "]");
  if (slot == std::string::npos) throw ReportWriteError("cannot write " + path_ + ": no results");
  slot += kSlot.size();
  AtomicFileWriter out(path_);
  out.write(std::string_view(text).substr(0, slot));
  if (count_ > 0) {
    out.write("\n");
    out.copy(*results_, 0, results_->size());
    out.write("\n  ");
  }
  out.write(std::string_view(text).substr(slot));
  out.commit();
}

}  // namespace settle
