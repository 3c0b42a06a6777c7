#include "runner/gate/report_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "reports/json_reporter.h"
#include "results_fixture.h"
#include "runner/gate/report_merge.h"
#include "tests/unit/observed.h"

namespace settle {
namespace {

using nlohmann::json;
using testing::Results;

RunInfo run_info() {
  RunInfo run;
  run.settle_version = "0.1.0";
  run.started = "2025-03-01T10:00:00Z";
  run.engines.push_back(
      EngineInfo{"duktape", "duktape 2.7.0", AdapterKind::kDuktape, {{"Symbol", true}}});
  run.engines.push_back(EngineInfo{"node", "node v20", AdapterKind::kProcess, {}});
  return run;
}

// Writes a report with the JSON reporter and returns its text.
std::string written(const RunInfo& run, const std::vector<Result>& results, double seconds = 1) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("settle-reader-" + std::to_string(getpid()) + ".json"))
                         .string();
  JsonReporter reporter(path);
  Summary summary;
  reporter.begin(run);
  for (const Result& result : results) {
    summary.add(result);
    reporter.add(result);
  }
  summary.seconds = seconds;
  reporter.end(summary);
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return text;
}

std::string error_of(const std::string& text) {
  try {
    parse_report(text, "r.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ParseReport, ReadsBackWhatTheJsonReporterWrote) {
  Results make;
  std::vector<Result> results;
  Result& fail = make.add(results, "a/b/x", "duktape", Status::kFail, "expected 1\nobserved 2");
  fail.observed.log = value_of(json::array({1, "two"}));
  fail.observed.printed = "hello";
  fail.known_failure = "a known bug";
  make.add(results, "a/b/x", "node", Status::kPass);
  make.add(results, "a/b/y", "node", Status::kTimeout);
  RunInfo run = run_info();
  run.settings.filters = {"a/*"};
  run.settings.shard = Shard{1, 2};
  run.load_errors.emplace_back("cases/broken.json", SourcePosition{3, 7}, "cases[0].id",
                               "must match");

  LoadedReport report = parse_report(written(run, results, 2.5), "r.json");
  EXPECT_EQ(report.run.settle_version, "0.1.0");
  EXPECT_EQ(report.run.started, "2025-03-01T10:00:00Z");
  EXPECT_TRUE(report.complete);
  EXPECT_DOUBLE_EQ(report.seconds, 2.5);
  ASSERT_TRUE(report.run.settings.shard);
  EXPECT_EQ(report.run.settings.shard->text(), "1/2");
  EXPECT_EQ(report.run.settings.filters, std::vector<std::string>{"a/*"});
  ASSERT_EQ(report.run.engines.size(), 2u);
  EXPECT_EQ(report.run.engines[0].version, "duktape 2.7.0");
  EXPECT_TRUE(report.run.engines[0].features.at("Symbol"));
  ASSERT_EQ(report.run.load_errors.size(), 1u);
  EXPECT_EQ(report.run.load_errors[0].to_string(),
            "cases/broken.json:3:7: cases[0].id: must match");

  ASSERT_EQ(report.results.size(), 3u);
  EXPECT_EQ(report.cases.size(), 2u) << "one case per id";
  const Result& read = report.results[0];
  EXPECT_EQ(read.test->id, "a/b/x");
  EXPECT_EQ(read.test->local_id, "x");
  EXPECT_EQ(read.test->file, "cases/a/b.json");
  EXPECT_EQ(read.test->expect.outcome, Outcome::kFulfilled);
  EXPECT_EQ(json_of(read.test->expect.value), 1);
  EXPECT_EQ(read.status, Status::kFail);
  EXPECT_EQ(read.message, "expected 1\nobserved 2");
  EXPECT_EQ(read.observed.state(), Outcome::kFulfilled);
  EXPECT_EQ(testing::value_json(read.observed), 2);
  EXPECT_EQ(testing::log_json(read.observed), json::array({1, "two"}));
  EXPECT_EQ(read.observed.printed, "hello");
  EXPECT_EQ(read.known_failure, "a known bug");
  EXPECT_DOUBLE_EQ(read.duration_ms, 1.25);
  EXPECT_EQ(report.results[1].test, read.test);
  EXPECT_FALSE(report.results[2].observed.state());

  // Read back and written again, the report is the same.
  EXPECT_EQ(json::parse(written(report.run, report.results, 2.5)),
            json::parse(written(run, results, 2.5)));
  Summary summary = report.summary();
  EXPECT_EQ(summary.per_engine["node"].count(Status::kTimeout), 1u);
  EXPECT_EQ(summary.load_errors, 1u);
}

TEST(ParseReport, ChecksTheFormatVersion) {
  EXPECT_EQ(error_of(R"({"format": "settle-report/2", "results": []})"),
            "r.json:1:2: format: the report is settle-report/2, which this settle (" SETTLE_VERSION
            ") does not read: it reads settle-report/1; use the settle version that wrote it, "
            "or a newer one");
  EXPECT_EQ(
      error_of(R"({"results": []})"),
      "r.json:1:1: format: missing: not a settle JSON report (\"format\": \"settle-report/1\")");
  EXPECT_EQ(error_of(R"({"format": "junit", "results": []})"),
            "r.json:1:2: format: \"junit\" is not a settle report format (expected "
            "\"settle-report/1\")");
  EXPECT_EQ(error_of("[1]"), "r.json:1:1: not a settle JSON report (expected an object)");
  EXPECT_EQ(error_of("{").rfind("r.json:1:2: invalid JSON: ", 0), 0u) << error_of("{");
}

TEST(ParseReport, ToleratesMissingOptionalAndUnknownFields) {
  LoadedReport report = parse_report(R"({"format": "settle-report/1", "future": {"x": 1},
    "results": [{"id": "a/x", "engine": "duktape", "status": "pass", "new_field": [1]}]})",
                                     "r.json");
  ASSERT_EQ(report.results.size(), 1u);
  EXPECT_EQ(report.results[0].status, Status::kPass);
  EXPECT_TRUE(report.run.engines.empty());
}

TEST(ParseReport, NamesTheRecordThatIsWrong) {
  EXPECT_EQ(error_of(R"({"format": "settle-report/1", "results": [
    {"id": "a/x", "engine": "duktape", "status": "pass"},
    {"id": "a/y", "engine": "duktape", "status": "passed"}]})"),
            "r.json:3:40: results[1].status: unknown status \"passed\"");
  EXPECT_EQ(
      error_of(R"({"format": "settle-report/1", "results": [{"id": "a/x", "status": "pass"}]})"),
      "r.json:1:43: results[0]: missing required field \"engine\"");
  EXPECT_EQ(error_of(R"({"format": "settle-report/1"})"),
            "r.json:1:1: results: missing, or not an array of records");
  EXPECT_EQ(error_of(R"({"format": "settle-report/1", "results": [],
    "engines": [{"name": "d", "adapter": "duktape"}, {"name": "x", "adapter": "wasm"}]})"),
            "r.json:2:68: engines[1].adapter: must be \"duktape\" or \"process\"");
  EXPECT_EQ(error_of(R"({"format": "settle-report/1", "results": [],
    "load_errors": [{"file": "a.json", "message": 7}]})"),
            "r.json:2:40: load_errors[0].message: must be a string");
}

// A baseline that says a case twice on one engine would judge it by whichever came last.
TEST(ParseReport, RefusesASecondResultOfACaseOnOneEngine) {
  EXPECT_EQ(error_of(R"({"format": "settle-report/1", "results": [
    {"id": "a/x", "engine": "duktape", "status": "fail"},
    {"id": "a/x", "engine": "node", "status": "fail"},
    {"id": "a/x", "engine": "duktape", "status": "pass"}]})"),
            "r.json:4:5: results[2]: a second result of a/x on duktape (the first is results[0])");
}

// nlohmann's lexer takes a NUL byte for the end of the text: the records after it were ignored.
TEST(ParseReport, ANulByteIsAnErrorAtItsPosition) {
  std::string text = R"({"format": "settle-report/1", "results": []})";
  text += std::string("\n\0", 2) + R"({"results": [{"id": "a/x"}]})";
  EXPECT_EQ(error_of(text), "r.json:2:1: invalid JSON: a NUL byte, which JSON does not allow");
}

class MergeTest : public ::testing::Test {
 protected:
  LoadedReport shard(const std::string& shard, const std::vector<std::string>& ids,
                     const std::string& started = "2025-03-01T10:00:00Z") {
    Results make;
    std::vector<Result> results;
    for (const std::string& id : ids) {
      make.add(results, id, "duktape", id.back() == 'f' ? Status::kFail : Status::kPass);
      make.add(results, id, "node", Status::kPass);
    }
    RunInfo run = run_info();
    run.settings.jobs = 2;
    if (!shard.empty()) run.settings.set("shard", shard);
    run.started = started;
    run.load_errors.emplace_back("cases/broken.json", SourcePosition{}, "", "invalid JSON");
    LoadedReport report = parse_report(written(run, results), "shard" + shard + ".json");
    report.source = shard.empty() ? "whole.json" : "shard" + shard.substr(0, 1) + ".json";
    return report;
  }
};

TEST_F(MergeTest, JoinsShardsInIdThenEngineOrder) {
  std::vector<LoadedReport> parts;
  parts.push_back(shard("2/2", {"a/b", "a/d-f"}, "2025-03-01T10:00:05Z"));
  parts.push_back(shard("1/2", {"a/a", "a/c"}, "2025-03-01T10:00:01Z"));
  LoadedReport merged = merge_reports(std::move(parts));
  std::vector<std::string> order;
  for (const Result& result : merged.results)
    order.push_back(result.test->id + "@" + result.engine);
  EXPECT_EQ(order,
            (std::vector<std::string>{"a/a@duktape", "a/a@node", "a/b@duktape", "a/b@node",
                                      "a/c@duktape", "a/c@node", "a/d-f@duktape", "a/d-f@node"}));
  EXPECT_EQ(merged.run.started, "2025-03-01T10:00:01Z");
  EXPECT_EQ(merged.run.load_errors.size(), 1u);
  EXPECT_FALSE(merged.run.settings.shard);
  EXPECT_EQ(merged.run.settings.jobs, 2u);
  EXPECT_EQ(merged.run.engines.size(), 2u);
  EXPECT_DOUBLE_EQ(merged.seconds, 2);
  EXPECT_EQ(merged.summary().per_engine["duktape"].count(Status::kFail), 1u);
  EXPECT_EQ(merged.cases.size(), 4u);
  for (const Result& result : merged.results) {
    bool owned = false;
    for (const Case& test : merged.cases) owned = owned || &test == result.test;
    EXPECT_TRUE(owned) << "the merged report owns its cases";
  }
}

std::string merge_error(std::vector<LoadedReport> parts) {
  try {
    merge_reports(std::move(parts));
  } catch (const MergeError& error) {
    return error.what();
  }
  return "no error";
}

TEST_F(MergeTest, RefusesIncompleteRepeatedOrMixedShardsAndOverlaps) {
  std::vector<LoadedReport> missing;
  missing.push_back(shard("1/3", {"a/a"}));
  missing.push_back(shard("3/3", {"a/c"}));
  EXPECT_EQ(merge_error(std::move(missing)),
            "shard 2/3 is missing: merge needs every shard of the run");

  std::vector<LoadedReport> twice;
  twice.push_back(shard("1/2", {"a/a"}));
  twice.push_back(shard("1/2", {"a/b"}));
  EXPECT_EQ(merge_error(std::move(twice)), "shard 1/2 is given twice: shard1.json and shard1.json");

  std::vector<LoadedReport> mixed;
  mixed.push_back(shard("1/1", {"a/a"}));
  mixed.push_back(shard("", {"a/b"}));
  EXPECT_EQ(merge_error(std::move(mixed)), "whole.json is not a shard, but other reports are");

  std::vector<LoadedReport> overlap;
  overlap.push_back(shard("", {"a/a", "a/b"}));
  overlap.push_back(shard("", {"a/b"}));
  EXPECT_EQ(merge_error(std::move(overlap)),
            "a/b on duktape is in both whole.json and whole.json: the reports overlap (shards of "
            "different runs?)");

  EXPECT_EQ(merge_error({}), "no reports to merge");
}

}  // namespace
}  // namespace settle
