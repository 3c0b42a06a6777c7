// End-to-end tests of `settle explore`: the built binary explores a handful of generated programs
// on real engines (node-current, with engine262 as the oracle) and writes its JSON report; every
// finding it writes is a case that `settle run` judges as the report says.
#include <filesystem>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

TEST(Explore, RunsProgramsOnRealEnginesAndReports) {
  TempDir dir;
  const std::string out = dir.file("findings");
  ProcessResult run = settle({"explore", "-e", "node-current", "--programs", "6", "--seed", "3",
                              "-j", "1", "--out", out, "--json", dir.file("report.json")});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const json report = read_json(dir.file("report.json"));
  EXPECT_EQ(report["format"], "settle-explore/1");
  EXPECT_EQ(report["programs_run"], 6);
  EXPECT_EQ(report["seed"], 3);
  EXPECT_EQ(report["oracle"], "engine262");
  EXPECT_EQ(report["engines"], json({"engine262", "node-current"}));
  EXPECT_GT(report["programs_per_second"].get<double>(), 0.0);
  EXPECT_GE(report["disagreements"].get<int>(), report["confirmed"].get<int>());
  EXPECT_GE(report["confirmed"].get<int>(), report["new"].get<int>());
  EXPECT_EQ(report["findings"].size(), report["new"].get<std::size_t>());
  // A finding's case passes on the oracle and fails on the engine it names.
  for (const json& finding : report["findings"]) {
    ProcessResult oracle = settle({"run", finding["file"], "-e", "engine262", "-j", "1"});
    EXPECT_EQ(oracle.exit_code, 0) << finding.dump() << oracle.out;
    ProcessResult engine = settle({"run", finding["file"], "-e", "node-current", "-j", "1"});
    EXPECT_EQ(engine.exit_code, 1) << finding.dump() << engine.out;
  }
}

TEST(Explore, TheSameSeedExploresTheSamePrograms) {
  TempDir dir;
  for (const char* name : {"a", "b"}) {
    ProcessResult run =
        settle({"explore", "-e", "node-current", "--oracle", "engine262", "--programs", "4",
                "--seed", "9", "-j", "1", "--out", dir.file(name)});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  const json a = read_json(dir.file("a/report.json"));
  const json b = read_json(dir.file("b/report.json"));
  EXPECT_EQ(a["programs_run"], b["programs_run"]);
  EXPECT_EQ(a["disagreements"], b["disagreements"]);
  EXPECT_EQ(a["findings"].size(), b["findings"].size());
}

TEST(Explore, BadOptionsAreBadUsage) {
  TempDir dir;
  EXPECT_EQ(settle({"explore", "--oracle", "nobody", "--out", dir.path()}).exit_code, 2);
  EXPECT_EQ(settle({"explore", "--time", "soon", "--out", dir.path()}).exit_code, 2);
  EXPECT_EQ(
      settle({"explore", "-e", "no-such-engine", "--programs", "1", "--out", dir.path()}).exit_code,
      2);
}

}  // namespace
}  // namespace settle::testing
