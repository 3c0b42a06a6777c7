#include "reports/json_reporter.h"

#include <cmath>

#include "reports/atomic_file.h"
#include "reports/json_object_writer.h"
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
  if (observed.resolution_error) out["resolution_error"] = true;
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
  header_ = {{"format", kReportFormat},  {"settle_version", run.settle_version},
             {"started", run.started},   {"settings", run.settings},
             {"engines", json::array()}, {"load_errors", json::array()}};
  for (const EngineInfo& engine : run.engines) {
    header_["engines"].push_back({{"name", engine.name},
                                  {"version", engine.version},
                                  {"adapter", engine.adapter},
                                  {"features", engine.features}});
  }
  for (const LoadError& error : run.load_errors) {
    header_["load_errors"].push_back({{"file", error.file},
                                      {"line", error.where.line},
                                      {"column", error.where.column},
                                      {"field", error.field},
                                      {"message", error.message}});
  }
}

// Each record is written to the spill file as it comes, indented as it stands in the report;
// end() writes the other members, then the records as the last one.
void JsonReporter::add(const Result& result) {
  if (!results_) results_ = std::make_unique<SpillFile>(path_);
  results_->append((count_ == 0 ? "    " : ",\n    ") +
                   JsonObjectWriter::indented(result_json(result), 4));
  ++count_;
}

void JsonReporter::end(const Summary& summary) {
  json counts_by_engine = json::object();
  for (const auto& [engine, counts] : summary.per_engine) {
    json& line = counts_by_engine[engine];
    for (Status status :
         {Status::kPass, Status::kFail, Status::kSkip, Status::kTimeout, Status::kError}) {
      line[std::string(status_name(status))] = counts.count(status);
    }
    line["total"] = counts.total();
  }
  if (results_ && !results_->error().empty()) {
    throw ReportWriteError(results_->error());
  }
  AtomicFileWriter out(path_);
  JsonObjectWriter report(out);
  for (const char* key : {"format", "settle_version", "started"}) report.member(key, header_[key]);
  report.member("complete", summary.complete);
  report.member("seconds", std::round(summary.seconds * 1000) / 1000);
  report.member("summary", counts_by_engine);
  for (const char* key : {"settings", "engines", "load_errors"}) report.member(key, header_[key]);
  report.array_member("results", results_.get(), count_);
  report.close();
  out.commit();
}

}  // namespace settle
