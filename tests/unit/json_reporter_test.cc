#include "reports/json_reporter.h"
#include "tests/unit/observed.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace settle {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class JsonReporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("settle_json_reporter_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(folder_);
    path_ = (folder_ / "report.json").string();
    reporter_ = std::make_unique<JsonReporter>(path_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  Case& add_case(const std::string& id, Outcome outcome, const json& value) {
    Case& test = cases_.emplace_back();
    test.id = id;
    test.local_id = id.substr(id.rfind('/') + 1);
    test.file = "cases/" + id.substr(0, id.rfind('/')) + ".json";
    test.expect.outcome = outcome;
    test.expect.value = value_of(value);
    return test;
  }

  void begin() {
    RunInfo run;
    run.settle_version = "0.1.0";
    run.started = "2024-05-01T10:00:00Z";
    run.engines.push_back(
        EngineInfo{"duktape", "duktape 2.7.0", AdapterKind::kDuktape, {{"Symbol", false}}});
    run.settings.timeout_ms = 5000;
    reporter_->begin(run);
  }

  Result& add(const Case& test, Status status, std::optional<Outcome> state = std::nullopt,
              const json& value = nullptr, const std::string& message = "") {
    Result& result = results_.emplace_back();
    result.test = &test;
    result.engine = "duktape";
    result.status = status;
    if (state) result.observed = testing::ran_to(*state, value);
    result.message = message;
    return result;
  }

  // Feeds every result, ends the report and reads the file back.
  json finish(bool complete = true) {
    Summary summary;
    summary.complete = complete;
    for (const Result& result : results_) {
      reporter_->add(result);
      summary.add(result);
    }
    reporter_->end(summary);
    std::ifstream in(path_, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    raw_ = text.str();
    return json::parse(raw_);  // throws (failing the test) on invalid JSON or UTF-8
  }

  fs::path folder_;
  std::string path_;
  std::unique_ptr<JsonReporter> reporter_;
  std::deque<Case> cases_;
  std::deque<Result> results_;
  std::string raw_;
};

TEST_F(JsonReporterTest, HeaderFields) {
  begin();
  json report = finish();
  EXPECT_EQ(report["format"], "settle-report/1");
  EXPECT_EQ(report["settle_version"], "0.1.0");
  EXPECT_EQ(report["started"], "2024-05-01T10:00:00Z");
  EXPECT_EQ(report["complete"], true);
  EXPECT_TRUE(report["results"].is_array());
}

TEST_F(JsonReporterTest, InterruptedRunIsNotComplete) {
  begin();
  EXPECT_EQ(finish(/*complete=*/false)["complete"], false);
}

TEST_F(JsonReporterTest, EnginesListNameVersionAdapterAndFeatures) {
  begin();
  json report = finish();
  ASSERT_EQ(report["engines"].size(), 1u);
  const json& engine = report["engines"][0];
  EXPECT_EQ(engine["name"], "duktape");
  EXPECT_EQ(engine["version"], "duktape 2.7.0");
  EXPECT_EQ(engine["adapter"], "duktape");
  EXPECT_EQ(engine["features"], json({{"Symbol", false}}));
}

TEST_F(JsonReporterTest, SummaryCountsByStatusPerEngine) {
  begin();
  add(add_case("f/a", Outcome::kReturns, 1), Status::kPass, Outcome::kReturns, 1);
  add(add_case("f/b", Outcome::kReturns, 1), Status::kPass, Outcome::kReturns, 1);
  add(add_case("f/c", Outcome::kReturns, 1), Status::kFail, Outcome::kReturns, 2);
  add(add_case("f/d", Outcome::kReturns, 1), Status::kSkip);
  add(add_case("f/e", Outcome::kReturns, 1), Status::kTimeout);
  add(add_case("f/g", Outcome::kReturns, 1), Status::kError);
  json summary = finish()["summary"]["duktape"];
  EXPECT_EQ(summary["pass"], 2);
  EXPECT_EQ(summary["fail"], 1);
  EXPECT_EQ(summary["skip"], 1);
  EXPECT_EQ(summary["timeout"], 1);
  EXPECT_EQ(summary["error"], 1);
  EXPECT_EQ(summary["total"], 6);
}

TEST_F(JsonReporterTest, ResultRecordHasEveryField) {
  begin();
  Case& test = add_case("finally/basics/x", Outcome::kFulfilled, json({{"$error", "TypeError"}}));
  test.expect.log = value_of(json::array({0, 1}));
  Result& result = add(test, Status::kFail, Outcome::kRejected, 5, "expected fulfilled\nobserved");
  result.observed.log = value_of(json::array({0, 2}));
  result.duration_ms = 12.3456789;
  json record = finish()["results"][0];
  EXPECT_EQ(record["id"], "finally/basics/x");
  EXPECT_EQ(record["file"], "cases/finally/basics.json");
  EXPECT_EQ(record["engine"], "duktape");
  EXPECT_EQ(record["status"], "fail");
  EXPECT_EQ(record["expected"],
            json::parse(R"({"fulfilled": {"$error": "TypeError"}, "log": [0, 1]})"));
  EXPECT_EQ(record["observed"]["state"], "rejected");
  EXPECT_EQ(record["observed"]["value"], 5);
  EXPECT_EQ(record["observed"]["log"], json::array({0, 2}));
  EXPECT_NEAR(record["duration_ms"].get<double>(), 12.346, 1e-9);
  EXPECT_EQ(record["message"], "expected fulfilled\nobserved");
}

TEST_F(JsonReporterTest, EveryRecordHasTheContractFieldsWhateverItsStatus) {
  begin();
  add(add_case("s/1", Outcome::kReturns, 1), Status::kPass, Outcome::kReturns, 1);
  add(add_case("s/2", Outcome::kReturns, 1), Status::kFail, Outcome::kThrows, 1, "m");
  add(add_case("s/3", Outcome::kReturns, 1), Status::kSkip, std::nullopt, nullptr, "lacks X");
  add(add_case("s/4", Outcome::kReturns, 1), Status::kTimeout, std::nullopt, nullptr, "t");
  add(add_case("s/5", Outcome::kReturns, 1), Status::kError, std::nullopt, nullptr, "e");
  json report = finish();
  ASSERT_EQ(report["results"].size(), 5u);
  for (const json& record : report["results"]) {
    for (const char* key :
         {"id", "file", "engine", "status", "expected", "observed", "duration_ms", "message"}) {
      EXPECT_TRUE(record.contains(key)) << record["status"] << " record lacks " << key;
    }
    if (record.contains("observed")) {
      EXPECT_TRUE(record["observed"].contains("state")) << record;
      EXPECT_TRUE(record["observed"]["log"].is_array()) << record;
    }
  }
}

TEST_F(JsonReporterTest, PendingExpectationAndObservationHaveNoValue) {
  begin();
  add(add_case("f/p", Outcome::kPending, true), Status::kPass, Outcome::kPending, nullptr);
  json record = finish()["results"][0];
  EXPECT_EQ(record["expected"], json({{"pending", true}}));
  EXPECT_EQ(record["observed"]["state"], "pending");
  EXPECT_FALSE(record["observed"].contains("value"));
  EXPECT_EQ(record["observed"]["log"], json::array());
}

TEST_F(JsonReporterTest, TimeoutHasNullState) {
  begin();
  add(add_case("f/t", Outcome::kReturns, 1), Status::kTimeout, std::nullopt, nullptr, "timed out");
  json record = finish()["results"][0];
  EXPECT_EQ(record["status"], "timeout");
  EXPECT_TRUE(record["observed"]["state"].is_null());
  EXPECT_EQ(record["message"], "timed out");
}

TEST_F(JsonReporterTest, ResultsKeepTheOrderTheyWereAdded) {
  begin();
  add(add_case("a/x", Outcome::kReturns, 1), Status::kPass, Outcome::kReturns, 1);
  add(add_case("b/y", Outcome::kReturns, 1), Status::kPass, Outcome::kReturns, 1);
  json results = finish()["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["id"], "a/x");
  EXPECT_EQ(results[1]["id"], "b/y");
}

TEST_F(JsonReporterTest, InvalidUtf8InMessageStillGivesValidJson) {
  begin();
  add(add_case("f/u", Outcome::kReturns, 1), Status::kFail, Outcome::kReturns, "\xC3",
      "bad \xFF\xFE bytes \xED\xA0\x80 end");
  json record = finish()["results"][0];  // json::parse rejects invalid UTF-8
  std::string message = record["message"];
  EXPECT_EQ(message.rfind("bad ", 0), 0u) << message;
  EXPECT_NE(message.find(" end"), std::string::npos) << message;
  EXPECT_NE(message.find("\xEF\xBF\xBD"), std::string::npos) << message;
  EXPECT_TRUE(record["observed"]["value"].is_string());
}

TEST_F(JsonReporterTest, ControlCharactersAreEscapedAndRoundTrip) {
  begin();
  add(add_case("f/c", Outcome::kReturns, 1), Status::kFail, Outcome::kReturns, 1,
      std::string("a\x01\"b\\\n"));
  json record = finish()["results"][0];
  EXPECT_EQ(record["message"], std::string("a\x01\"b\\\n"));
  EXPECT_EQ(raw_.find('\x01'), std::string::npos);
}

TEST_F(JsonReporterTest, FileEndsWithNewlineAndNoTemporaryIsLeft) {
  begin();
  finish();
  EXPECT_EQ(raw_.back(), '\n');
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(folder_)) {
    ++entries;
    EXPECT_EQ(entry.path().filename(), "report.json");
  }
  EXPECT_EQ(entries, 1u);
}

}  // namespace
}  // namespace settle
