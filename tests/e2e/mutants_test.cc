// The corpus, proven by mutants: every deliberately broken Promise method in tests/mutants/ must
// make at least one shipped case fail on node, and node without a mutant must pass everything.
// Prints the kill table: mutant -> the cases that caught it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

bool node_available() { return engine_available("node"); }

// Runs the shipped corpus on node, with `prelude` when given; returns the ids that did not pass.
std::vector<std::string> failing_cases(const std::string& prelude, std::string* output) {
  TempDir dir;
  std::vector<std::string> args = {
      settle_binary(), "run", std::string(SETTLE_SOURCE_DIR) + "/cases", "-e", "node", "--quiet",
      "--json", dir.file("r.json"),
      // A mutant that never settles is caught by its timeout: keep it short.
      "--timeout", "250"};
  if (!prelude.empty()) {
    args.push_back("--prelude");
    args.push_back(prelude);
  }
  ProcessResult run = run_process(args);
  *output = run.out + run.err;
  std::vector<std::string> failing;
  json report = json::parse(read_file(dir.file("r.json")));
  for (const json& record : report["results"]) {
    std::string status = record["status"];
    if (status != "pass" && status != "skip") failing.push_back(record["id"]);
  }
  return failing;
}

TEST(Mutants, NodeWithoutAMutantPassesTheWholeCorpus) {
  if (!node_available()) GTEST_SKIP() << "node is not installed";
  std::string output;
  std::vector<std::string> failing = failing_cases("", &output);
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

  std::cout << "kill table (mutant -> cases that caught it)\n";
  for (const auto& mutant : mutants) {
    std::string output;
    std::vector<std::string> killers = failing_cases(mutant.string(), &output);
    std::string first_line = read_file(mutant.string());
    first_line = first_line.substr(0, first_line.find('\n'));
    std::cout << mutant.filename().string() << ": " << killers.size() << " cases  " << first_line
              << "\n";
    for (std::size_t i = 0; i < killers.size() && i < 5; ++i)
      std::cout << "    " << killers[i] << "\n";
    if (killers.size() > 5) std::cout << "    ... and " << killers.size() - 5 << " more\n";
    EXPECT_FALSE(killers.empty()) << mutant.filename() << " survived the whole corpus:\n" << output;
  }
}

}  // namespace
}  // namespace settle::testing
