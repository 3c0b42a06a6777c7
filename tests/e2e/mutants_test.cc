// The corpus, proven by mutants: every deliberately broken Promise method in tests/mutants/ must
// make at least one shipped case fail on node, and node without a mutant must pass everything;
// every mutant of engine262's await, async function, async generator, async iteration,
// combinators and rejection tracker (tests/mutants/engine262/make_mutant.js) must make a case of
// its area fail unexpectedly (the unmutated engine262 passes the corpus but for its known
// failures: Shells/RealEngineTest). A mutant's run stops at its first kill (--maxfail 1). Prints
// the kill tables: mutant -> the case that caught it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

bool node_available() { return engine_available("node"); }

const std::string kEngine262Maker =
    std::string(SETTLE_SOURCE_DIR) + "/tests/mutants/engine262/make_mutant.js";
const std::string kDuktapeMaker =
    std::string(SETTLE_SOURCE_DIR) + "/tests/mutants/duktape/make_mutant.js";

// The ids of a JSON report's results that failed and are no known failures, in the report's order.
std::vector<std::string> unexpected_failures_in(const std::string& report_path) {
  std::vector<std::string> failing;
  const json report = json::parse(read_file(report_path));
  for (const json& record : report["results"]) {
    std::string status = record["status"];
    if (status != "pass" && status != "skip" && !record.contains("known_failure"))
      failing.push_back(record["id"]);
  }
  return failing;
}

// The mutants a make_mutant.js lists (`--list`: a line "NAME\tWHAT IT BREAKS" each), but "none".
std::vector<std::string> mutants_listed_by(const std::string& maker) {
  ProcessResult listed = run_process({"node", maker, "--list"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  std::vector<std::string> mutants;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);) {
    std::string name = line.substr(0, line.find('\t'));
    if (!name.empty() && name != "none") mutants.push_back(name);
  }
  return mutants;
}

// Runs the shipped corpus on node, with `prelude` when given; returns the ids that did not pass
// and are not known failures. With `first_only`, the run stops at the first of them.
std::vector<std::string> failing_cases(const std::string& prelude, bool first_only,
                                       std::string* output) {
  TempDir dir;
  std::vector<std::string> args = {
      settle_binary(), "run", std::string(SETTLE_SOURCE_DIR) + "/cases", "-e", "node", "--quiet",
      "--json", dir.file("r.json"),
      // A mutant that never settles is caught by its timeout: keep it short.
      "--timeout", "250",
      // Engine bugs the async corpus names (node 20 predates ES2025's AsyncFromSyncIterator close).
      "--expectations", std::string(SETTLE_SOURCE_DIR) + "/engines/known_failures.json"};
  if (!prelude.empty()) {
    args.push_back("--prelude");
    args.push_back(prelude);
  }
  if (first_only) args.push_back("--exitfirst");
  ProcessResult run = run_process(args);
  *output = run.out + run.err;
  return unexpected_failures_in(dir.file("r.json"));
}

TEST(Mutants, NodeWithoutAMutantPassesTheWholeCorpus) {
  if (!node_available()) GTEST_SKIP() << "node is not installed";
  std::string output;
  std::vector<std::string> failing = failing_cases("", false, &output);
  EXPECT_TRUE(failing.empty()) << failing.size() << " cases fail on plain node, e.g. "
                               << (failing.empty() ? "" : failing[0]) << "\n"
                               << output;
}

TEST(Mutants, EveryMutantIsKilledByAtLeastOneCase) {
  if (!node_available()) GTEST_SKIP() << "node is not installed";
  std::vector<std::filesystem::path> mutants;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(SETTLE_SOURCE_DIR) + "/tests/mutants")) {
    if (entry.path().extension() == ".js") mutants.push_back(entry.path());
  }
  std::sort(mutants.begin(), mutants.end());
  ASSERT_GE(mutants.size(), 15u);

  std::cout << "kill table (mutant -> the first case that caught it)\n";
  for (const auto& mutant : mutants) {
    std::string output;
    std::vector<std::string> killers = failing_cases(mutant.string(), true, &output);
    std::string first_line = read_file(mutant.string());
    first_line = first_line.substr(0, first_line.find('\n'));
    std::cout << mutant.filename().string() << ": " << first_line << "\n";
    for (const std::string& killer : killers) std::cout << "    " << killer << "\n";
    EXPECT_FALSE(killers.empty()) << mutant.filename() << " survived the whole corpus:\n" << output;
  }
}

// The area (async, combinators/ or rejection-tracking/) whose cases a mutant of engine262 breaks,
// by the mutant's name; the first matching prefix wins.
std::string area_of(const std::string& mutant) {
  static const std::vector<std::pair<std::string, std::string>> kAreas = {
      {"await-", "await"},
      {"async-return-", "async-function"},
      {"async-params-", "async-function"},
      {"yield-", "async-generator"},
      {"asyncgen-", "async-generator"},
      {"async-iterator-close-", "for-await"},
      {"for-await-", "for-await"},
      // for await never passes next an argument and ignores return's value: only yield* over a
      // sync iterator (async-generator/yield-star-protocol) sees these two
      {"async-from-sync-next-drops-", "async-generator"},
      {"async-from-sync-return-missing-", "async-generator"},
      {"async-from-sync-", "for-await"},
      {"all-", "combinators"},
      {"allsettled-", "combinators"},
      {"any-", "combinators"},
      {"tracker-", "rejection-tracking"}};
  for (const auto& [prefix, area] : kAreas) {
    if (mutant.rfind(prefix, 0) == 0) return area;
  }
  return "";
}

// engine262's entries in engines/known_failures.json, by case id.
json engine262_known_failures() {
  return json::parse(read_file(std::string(SETTLE_SOURCE_DIR) + "/engines/known_failures.json"),
                     nullptr, true, /*ignore_comments=*/true)["engines"]["engine262"];
}

// engine262's known failures as the mutant's: a mutant is killed only by a case that passes on
// engine262.
std::string expectations_of_mutant(const std::string& mutant, const TempDir& dir) {
  json expectations = {{"format", "settle-expectations/1"},
                       {"engines", {{"engine262-" + mutant, engine262_known_failures()}}}};
  return dir.write(mutant + "-expectations.json", expectations.dump());
}

// Builds the mutant and runs its area of the corpus on it until the first unexpected failure;
// returns the ids that failed unexpectedly.
std::vector<std::string> killers_on_engine262(const std::string& mutant, const std::string& area,
                                              const TempDir& dir, std::string* output) {
  ProcessResult made =
      run_process({"node", kEngine262Maker, mutant, dir.file(mutant), "--npm", SETTLE_NPM_DIR});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  ProcessResult run =
      run_process({settle_binary(), "run", std::string(SETTLE_SOURCE_DIR) + "/cases/" + area, "-j",
                   "1", "--quiet", "--timeout", "2000", "--exitfirst", "--expectations",
                   expectations_of_mutant(mutant, dir), "--json", dir.file(mutant + ".json"), "-e",
                   dir.file(mutant + "/engine262-" + mutant + ".json")});
  *output = run.out + run.err;
  std::vector<std::string> killers = unexpected_failures_in(dir.file(mutant + ".json"));
  EXPECT_EQ(run.exit_code, killers.empty() ? 0 : 1) << *output;
  return killers;
}

TEST(Engine262Mutants, EveryMutantIsKilledByACaseOfItsArea) {
  if (!engine_available("engine262")) GTEST_SKIP() << "engine262 is not installed (make engines)";
  const std::vector<std::string> mutants = mutants_listed_by(kEngine262Maker);
  ASSERT_GE(mutants.size(), 10u);

  TempDir dir;
  std::cout << "engine262 kill table (mutant -> the first cases of its area that caught it)\n";
  for (const std::string& mutant : mutants) {
    std::string area = area_of(mutant);
    ASSERT_FALSE(area.empty()) << mutant << ": no area for this mutant's name";
    std::string output;
    std::vector<std::string> killers = killers_on_engine262(mutant, area, dir, &output);
    std::cout << mutant << ": " << area << "/\n";
    for (const std::string& killer : killers) std::cout << "    " << killer << "\n";
    EXPECT_FALSE(killers.empty()) << mutant << " survived " << area << "/:\n" << output;
  }
}

// Builds a mutant of settle's Duktape Promise (tests/mutants/duktape/make_mutant.js, installed by
// the profile field `promise`) and runs cases/rejection-tracking/ on it; returns the ids that did
// not pass or skip.
std::set<std::string> failing_on_duktape_mutant(const std::string& mutant, const TempDir& dir,
                                                std::string* output) {
  ProcessResult made = run_process({"node", kDuktapeMaker, mutant, dir.path()});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  ProcessResult run = run_process(
      {settle_binary(), "run", std::string(SETTLE_SOURCE_DIR) + "/cases/rejection-tracking", "-e",
       dir.file("duktape-" + mutant + ".json"), "-j", "1", "--quiet", "--timeout", "2000", "--json",
       dir.file(mutant + ".report.json")});
  *output = run.out + run.err;
  std::vector<std::string> failing = unexpected_failures_in(dir.file(mutant + ".report.json"));
  return {failing.begin(), failing.end()};
}

// The tracker calls of engines/duktape/promise.js (§27.2.1.9's callers), proven by mutants: the
// unmutated copy passes the area, and each mutant makes one of its cases fail.
TEST(DuktapeMutants, EveryTrackerMutantIsKilledByARejectionTrackingCase) {
  if (!node_available()) GTEST_SKIP() << "node is not installed (it runs make_mutant.js)";
  const std::vector<std::string> mutants = mutants_listed_by(kDuktapeMaker);
  ASSERT_GE(mutants.size(), 4u);

  TempDir dir;
  std::string output;
  std::set<std::string> baseline = failing_on_duktape_mutant("none", dir, &output);
  EXPECT_TRUE(baseline.empty()) << "the unmutated copy fails " << baseline.size()
                                << " cases of rejection-tracking/\n"
                                << output;
  std::cout
      << "Duktape Promise kill table (mutant -> cases of rejection-tracking/ that caught it)\n";
  for (const std::string& mutant : mutants) {
    std::set<std::string> failing = failing_on_duktape_mutant(mutant, dir, &output);
    std::vector<std::string> killers;
    for (const auto& id : failing) {
      if (!baseline.count(id)) killers.push_back(id);
    }
    std::cout << mutant << ": " << killers.size() << " cases\n";
    for (std::size_t i = 0; i < killers.size() && i < 3; ++i)
      std::cout << "    " << killers[i] << "\n";
    EXPECT_FALSE(killers.empty()) << mutant << " survived rejection-tracking/:\n" << output;
  }
}

}  // namespace
}  // namespace settle::testing
