// End-to-end tests of --shard I/N and `settle merge`: the slices partition the cases whatever
// the machine, path or -j, and the merged shard reports are what a single run writes.
#include <filesystem>
#include <regex>
#include <set>

#include "settle_cli.h"

namespace settle::testing {
namespace {

using nlohmann::json;

std::string numbered_cases(const std::string& prefix, int count) {
  std::string cases;
  for (int i = 0; i < count; ++i) {
    std::string id = prefix + std::to_string(i);
    cases += (i ? ",\n" : "") + std::string("{\"id\": \"") + id +
             "\", \"code\": \"Promise.resolve(" + std::to_string(i) +
             ")\", \"expect\": {\"fulfilled\": " + std::to_string(i % 4 == 3 ? -1 : i) + "}}";
  }
  return "{\"cases\": [\n" + cases + "\n]}";
}

void write_corpus(const TempDir& dir) {
  dir.write("cases/mixed.json", kMixedCases);
  dir.write("cases/area/one.json", numbered_cases("c", 7));
  dir.write("cases/area/two.json", numbered_cases("d", 6));
}

std::vector<std::string> listed(const std::string& out) {
  std::vector<std::string> ids;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) ids.push_back(line.substr(0, line.find(' ')));
  return ids;
}

std::vector<std::string> ids_of(const json& report) {
  std::vector<std::string> ids;
  for (const json& record : report["results"]) ids.push_back(record["id"]);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

TEST(Shard, TheSlicesPartitionTheCasesAndDifferByOneCaseAtMost) {
  TempDir dir;
  write_corpus(dir);
  std::vector<std::string> all = listed(settle({"list", "cases"}, dir.path()).out);
  ASSERT_EQ(all.size(), 17u);
  std::multiset<std::string> joined;
  std::vector<std::size_t> sizes;
  for (int i = 1; i <= 3; ++i) {
    ProcessResult list = settle({"list", "cases", "--shard", std::to_string(i) + "/3"}, dir.path());
    ASSERT_EQ(list.exit_code, 0) << list.err;
    std::vector<std::string> slice = listed(list.out);
    sizes.push_back(slice.size());
    joined.insert(slice.begin(), slice.end());
  }
  EXPECT_EQ(joined, std::multiset<std::string>(all.begin(), all.end()));
  EXPECT_EQ(sizes, (std::vector<std::size_t>{6, 6, 5}));
}

TEST(Shard, ASliceIsTheSameWhateverTheFolderPathOrderAndJobs) {
  TempDir here, elsewhere;
  write_corpus(here);
  write_corpus(elsewhere);
  settle({"run", "cases", "--shard", "2/3", "-j", "1", "--json", "a.json"}, here.path());
  settle({"run", "cases/mixed.json", "cases/area", "--shard", "2/3", "-j", "3", "--json", "b.json"},
         elsewhere.path());
  std::vector<std::string> a = ids_of(read_json(here.file("a.json")));
  EXPECT_EQ(a.size(), 6u);
  EXPECT_EQ(a, ids_of(read_json(elsewhere.file("b.json"))));
  EXPECT_EQ(read_json(here.file("a.json"))["settings"]["shard"], "2/3");
}

TEST(Shard, ABadShardIsBadUsage) {
  TempDir dir;
  write_corpus(dir);
  for (const char* bad : {"0/3", "4/3", "1/0", "x", "1-3", "/3"}) {
    ProcessResult run = settle({"run", "cases", "--shard", bad}, dir.path());
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_TRUE(contains(run.err, "I/N")) << run.err;
  }
}

// Issue 23: run and list parsed --shard each their own way, with two messages for one mistake.
TEST(Shard, RunAndListRefuseABadShardWithTheSameMessage) {
  TempDir dir;
  write_corpus(dir);
  ProcessResult run = settle({"run", "cases", "--shard", "4/3"}, dir.path());
  ProcessResult list = settle({"list", "cases", "--shard", "4/3"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(list.exit_code, 2);
  const std::string message = "--shard: must be I/N with 1 <= I <= N, not \"4/3\"";
  EXPECT_TRUE(contains(run.err, "settle run: " + message)) << run.err;
  EXPECT_TRUE(contains(list.err, "settle list: " + message)) << list.err;
}

// Removes what differs between two runs of the same cases: times and the start.
json without_times(json report) {
  report.erase("started");
  report.erase("seconds");
  for (json& record : report["results"]) record.erase("duration_ms");
  return report;
}

std::string junit_without_times(const std::string& xml) {
  return std::regex_replace(xml, std::regex(R"( (time|timestamp)="[^"]*")"), "");
}

class MergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!engine_available("node")) GTEST_SKIP() << "node is not installed";
    write_corpus(dir_);
    dir_.write("cases/broken.json", "{\"cases\": [}");
  }
  ProcessResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"run", "cases", "-e", "duktape", "-e", "node", "-j", "2"});
    return settle(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(MergeTest, MergedShardsAreTheReportOfOneRun) {
  EXPECT_EQ(run({"--json", "single.json", "--junit", "single.xml"}).exit_code, 2);
  for (int i = 1; i <= 3; ++i) {
    std::string n = std::to_string(i);
    EXPECT_EQ(run({"--shard", n + "/3", "--json", "shard" + n + ".json"}).exit_code, 2);
  }
  ProcessResult merge = settle({"merge", "shard3.json", "shard1.json", "shard2.json", "-o",
                                "merged.json", "--junit", "merged.xml"},
                               dir_.path());
  ASSERT_EQ(merge.exit_code, 0) << merge.out << merge.err;
  EXPECT_TRUE(contains(merge.out,
                       "settle: 27 passed, 7 failed, 0 skipped, 0 timed out, 0 "
                       "errors, 1 case file not loaded in"))
      << merge.out;

  json single = read_json(dir_.file("single.json"));
  json merged = read_json(dir_.file("merged.json"));
  EXPECT_EQ(merged["results"].size(), 34u);
  EXPECT_EQ(merged["load_errors"].size(), 1u) << "each shard reports it; merged once";
  EXPECT_FALSE(merged["settings"].contains("shard"));
  EXPECT_EQ(without_times(merged), without_times(single));
  EXPECT_EQ(junit_without_times(read_file(dir_.file("merged.xml"))),
            junit_without_times(read_file(dir_.file("single.xml"))));
}

TEST_F(MergeTest, AMissingOrRepeatedShardOrOverlapIsAnError) {
  for (int i = 1; i <= 2; ++i) {
    std::string n = std::to_string(i);
    run({"--shard", n + "/2", "--json", "shard" + n + ".json"});
  }
  run({"--shard", "1/3", "--json", "other.json"});
  run({"--json", "whole.json"});

  ProcessResult missing = settle({"merge", "shard1.json", "-o", "m.json"}, dir_.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "shard 2/2 is missing")) << missing.err;

  ProcessResult twice =
      settle({"merge", "shard1.json", "shard2.json", "shard1.json", "-o", "m.json"}, dir_.path());
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_TRUE(contains(twice.err, "shard 1/2 is given twice")) << twice.err;

  ProcessResult mixed = settle({"merge", "shard1.json", "other.json", "-o", "m.json"}, dir_.path());
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_TRUE(contains(mixed.err, "is shard 1/3, but another report is of 2 shards")) << mixed.err;

  ProcessResult overlap =
      settle({"merge", "whole.json", "whole.json", "-o", "m.json"}, dir_.path());
  EXPECT_EQ(overlap.exit_code, 2);
  EXPECT_TRUE(contains(overlap.err, "is in both whole.json and whole.json")) << overlap.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("m.json")));

  EXPECT_EQ(settle({"merge", "-o", "m.json"}, dir_.path()).exit_code, 2) << "no input";
  EXPECT_EQ(settle({"merge", "shard1.json", "shard2.json"}, dir_.path()).exit_code, 2) << "no -o";
}

TEST_F(MergeTest, ReportsOfTwoEnginesRunApartMergeIntoTheComparison) {
  settle({"run", "cases", "-e", "duktape", "--json", "duktape.json"}, dir_.path());
  settle({"run", "cases", "-e", "node", "--json", "node.json"}, dir_.path());
  ProcessResult merge =
      settle({"merge", "node.json", "duktape.json", "-o", "both.json", "--html", "both.html"},
             dir_.path());
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  json both = read_json(dir_.file("both.json"));
  EXPECT_EQ(both["engines"][0]["name"], "duktape");
  EXPECT_EQ(both["engines"][1]["name"], "node");
  EXPECT_EQ(status_in(both, "mixed/c-to-sorted", "duktape"), "fail");
  EXPECT_EQ(status_in(both, "mixed/c-to-sorted", "node"), "pass");
  std::string page = read_file(dir_.file("both.html"));
  EXPECT_TRUE(contains(page, "<tr class=\"disagree\" data-id=\"mixed/c-to-sorted\"")) << page;
}

}  // namespace
}  // namespace settle::testing
