#include "reports/json_reporter.h"

#include <cmath>

#include "reports/atomic_file.h"
#include "reports/json_object_writer.h"
#include "reports/result_json.h"
#include "runner/gate/report_reader.h"

namespace settle {

using nlohmann::json;

void JsonReporter::begin(const RunInfo& run) {
  header_ = {{"format", kReportFormat},  {"settle_version", run.settle_version},
             {"started", run.started},   {"settings", run.settings.by_name()},
             {"engines", json::array()}, {"load_errors", json::array()}};
  for (const EngineInfo& engine : run.engines) {
    header_["engines"].push_back({{"name", engine.name},
                                  {"version", engine.version},
                                  {"adapter", adapter_name(engine.adapter)},
                                  {"features", engine.features}});
    if (!engine.lower.empty()) {
      header_["engines"].back()["lower"] = engine.lower;
      header_["engines"].back()["lowered_by"] = engine.lowered_by;
    }
  }
  for (const InputError& error : run.load_errors) {
    header_["load_errors"].push_back({{"file", error.file()},
                                      {"line", error.where().line},
                                      {"column", error.where().column},
                                      {"field", error.field()},
                                      {"message", error.message()}});
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
    for (Status status : kAllStatuses) {
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
  if (summary.lowering) {
    report.member("lowering", json{{"transpiler", summary.lowering->transpiler},
                                   {"transformed", summary.lowering->transformed},
                                   {"from_cache", summary.lowering->from_cache}});
  }
  for (const char* key : {"settings", "engines", "load_errors"}) report.member(key, header_[key]);
  report.array_member("results", results_.get(), count_);
  report.close();
  out.commit();
}

}  // namespace settle
