// End-to-end tests of how a run goes through its case files: every file validated before any case
// runs, then the cases loaded again a file at a time, their results in id order whatever -j is.
#include <filesystem>
#include <string>
#include <vector>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

// A case whose code busy-loops `spins` times, then returns its id.
std::string spinning_case(const std::string& id, int spins) {
  return "{\"id\": \"" + id + "\", \"code\": \"for (var i = 0; i < " + std::to_string(spins) +
         "; i++) {} '" + id + "'\", \"expect\": {\"returns\": \"" + id + "\"}}";
}

std::string case_file(const std::vector<std::string>& cases) {
  std::string joined;
  for (const std::string& one : cases) joined += (joined.empty() ? "" : ",\n") + one;
  return "{\"cases\": [\n" + joined + "\n]}\n";
}

std::vector<std::string> ids_and_engines(const json& report) {
  std::vector<std::string> order;
  for (const json& record : report["results"]) {
    order.push_back(record["id"].get<std::string>() + "@" + record["engine"].get<std::string>());
  }
  return order;
}

TEST(Corpus, ResultsStayInIdThenEngineOrderAcrossFilesWithFourWorkers) {
  TempDir dir;
  // a.json's ids (a/a-*, a/z-*) fall on both sides of a/b.json's (a/b/*): the two load together.
  // Within each file the first cases are the slowest, so later ones finish first.
  dir.write("cases/a.json",
            case_file({spinning_case("z-last", 1), spinning_case("a-first", 400000)}));
  dir.write("cases/a/b.json", case_file({spinning_case("slow", 300000), spinning_case("fast", 1)}));
  std::vector<std::string> many;
  for (int i = 0; i < 12; ++i) {
    many.push_back(spinning_case("c" + std::to_string(10 + i), (12 - i) * 20000));
  }
  dir.write("cases/b.json", case_file(many));
  dir.write("cases/c.json", case_file({spinning_case("only", 1)}));

  ProcessResult run = settle(
      {"run", "cases", "-e", "duktape", "-e", "node", "-j", "4", "--json", "r.json"}, dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  std::vector<std::string> ids = {"a/a-first", "a/b/fast", "a/b/slow", "a/z-last"};
  for (int i = 0; i < 12; ++i) ids.push_back("b/c" + std::to_string(10 + i));
  ids.push_back("c/only");
  std::vector<std::string> expected;
  for (const std::string& id : ids) {
    expected.push_back(id + "@duktape");
    expected.push_back(id + "@node");
  }
  EXPECT_EQ(ids_and_engines(read_json(dir.file("r.json"))), expected);

  ProcessResult list = settle({"list", "cases"}, dir.path());
  std::string listed;
  for (const std::string& id : ids) listed += id + "\n";
  EXPECT_EQ(list.out, listed);
}

TEST(Corpus, ABrokenFileIsReportedBeforeAnyCaseRuns) {
  TempDir dir;
  dir.write("cases/a.json", case_file({"{\"id\": \"fails\", \"code\": \"1\", "
                                       "\"expect\": {\"returns\": 2}}"}));
  dir.write("cases/z.json", "{\"cases\": [\n  {\"id\": \"x\", \"code\": 1}\n]}\n");
  ProcessResult run = settle({"run", "cases"}, dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  std::size_t error = run.out.find("cases/z.json:2:15: cases[0].code: must be a string");
  std::size_t failure = run.out.find("a/fails");
  ASSERT_NE(error, std::string::npos) << run.out;
  ASSERT_NE(failure, std::string::npos) << run.out;
  EXPECT_LT(error, failure) << run.out;
}

TEST(Corpus, ARunRunsTheCasesAsValidatedWhenTheirFilesAreEditedOrRemovedMeanwhile) {
  TempDir dir;
  dir.write("editor.json", std::string(R"json({"name": "editor", "adapter": "process",
    "command": ["node", ")json") +
                               SETTLE_SOURCE_DIR + "/tests/e2e/file_editing_engine.js\"]}");
  auto returns_its_code = [](const std::string& id, const std::string& code) {
    return "{\"id\": \"" + id + "\", \"code\": \"" + code + "\", \"expect\": {\"returns\": \"" +
           code + "\"}}";
  };
  dir.write("cases/a-first.json", case_file({returns_its_code("a", "first")}));
  dir.write("cases/y-edited.json", case_file({returns_its_code("y", "as validated")}));
  dir.write("cases/z-removed.json", case_file({returns_its_code("z", "removed later")}));

  // One worker: the engine's first case is a-first's, so the other files change before they load
  // again.
  ProcessResult run = settle(
      {"run", "cases", "-e", dir.file("editor.json"), "-j", "1", "--json", "r.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("cases/z-removed.json")));
  EXPECT_EQ(read_file(dir.file("cases/y-edited.json")),
            "{\"cases\": [{\"id\": \"y\", \"code\": \"EDITED\"");
  json report = read_json(dir.file("r.json"));
  EXPECT_TRUE(report["load_errors"].empty()) << report["load_errors"].dump();
  std::vector<std::string> observed;
  for (const json& record : report["results"]) {
    observed.push_back(record["id"].get<std::string>() + ": " +
                       record["observed"]["value"].get<std::string>());
  }
  EXPECT_EQ(observed, (std::vector<std::string>{"a-first/a: first", "y-edited/y: as validated",
                                                "z-removed/z: removed later"}));
}

}  // namespace
}  // namespace settle::testing
