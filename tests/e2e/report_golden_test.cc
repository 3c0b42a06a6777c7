// The JSON report of a run of the whole corpus (cases/) on the built-in duktape engine is byte for
// byte tests/e2e/golden/corpus_duktape.json once its times and versions are normalised: what a
// refactor of the command line, the plan or the runner changes in the report shows here.
// tests/golden/approve.sh re-approves it (SETTLE_APPROVE=1) after a deliberate change.
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>

#include "settle_cli.h"

namespace settle::testing {
namespace {

// The report with what differs from run to run replaced by fixed text: the start time, each
// duration, the run's seconds, settle's and the engine's version.
std::string normalised(const std::string& report) {
  static const std::regex kTimes(R"re(("(?:duration_ms|seconds)": )[0-9.e+-]+)re");
  static const std::regex kTexts(R"re(("(?:started|settle_version|version)": )"[^"]*")re");
  return std::regex_replace(std::regex_replace(report, kTimes, "$1 0"), kTexts, "$1\"-\"");
}

TEST(CorpusReportGolden, JsonReportOfTheCorpusOnDuktapeIsAsApproved) {
  TempDir dir;
  ProcessResult run = settle(
      {"run", "cases", "-e", "duktape", "-j", "2", "--quiet", "--json", dir.file("report.json")},
      SETTLE_SOURCE_DIR);
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.out << run.err;
  const std::string text = normalised(read_file(dir.file("report.json")));
  const std::string golden =
      std::string(SETTLE_SOURCE_DIR) + "/tests/e2e/golden/corpus_duktape.json";
  const char* approve = std::getenv("SETTLE_APPROVE");
  if (approve != nullptr && std::string(approve) == "1") {
    std::ofstream(golden, std::ios::binary) << text;
    return;
  }
  EXPECT_EQ(text, read_file(golden))
      << "the corpus report differs; if the change is meant, run tests/golden/approve.sh";
}

}  // namespace
}  // namespace settle::testing
