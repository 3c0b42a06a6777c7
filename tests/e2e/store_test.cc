// End-to-end tests of the results store (--store FILE): runs recorded, settle history, settle
// diff of stored runs, the dashboard, and the store's faults: two writers at once, a writer
// killed mid-write, a file that is not a store, a store of a newer schema.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "settle_cli.h"
#include "spawned.h"

namespace settle::testing {
namespace {

// The history's line of one run ("3    2026-...  yes  duktape 57/59 ..."), or "".
std::string run_line(const std::string& history, int id) {
  std::smatch match;
  std::regex line("(^|\\n)(" + std::to_string(id) + " +[^\\n]*)");
  return std::regex_search(history, match, line) ? match[2].str() : "";
}

ProcessResult record_then(const std::string& store, const std::vector<std::string>& env = {}) {
  return settle({"run", shipped_cases("then"), "-e", "duktape", "-j", "1", "-q", "--store", store},
                "", env);
}

TEST(Store, RecordsRunsAndHistoryCountsThem) {
  TempDir dir;
  std::string store = dir.file("s.db");
  ProcessResult first = record_then(store);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(contains(first.err, "recorded as run 1")) << first.err;
  ProcessResult second = settle(
      {"run", shipped_cases("then"), shipped_cases("finally/basics.json"), "-e", "duktape", "-q"},
      "", {"SETTLE_STORE=" + store});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ProcessResult history = settle({"history", "--store", store});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_TRUE(std::regex_search(run_line(history.out, 1),
                                std::regex("duktape 41/43 \\(duktape 2\\.7\\.0\\)")))
      << history.out;
  EXPECT_TRUE(contains(run_line(history.out, 2), "duktape 57/59")) << history.out;
  ProcessResult one = settle(
      {"history", "--store", store, "--case", "finally/basics/fulfilled-value-passes-through"});
  EXPECT_TRUE(contains(one.out, "run 2 (")) << one.out;
  EXPECT_FALSE(contains(one.out, "run 1 (")) << one.out;
  ProcessResult diff = settle({"diff", "1", "2", "--store", store});
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_TRUE(contains(diff.out, "run 1 -> run 2: 0 changed")) << diff.out;
}

TEST(Store, TheDashboardDrawsTrendsAndTheHeatmapWithoutTheNetwork) {
  TempDir dir;
  std::string store = dir.file("s.db");
  ASSERT_EQ(record_then(store).exit_code, 0);
  ASSERT_EQ(settle({"run", shipped_cases("then"), "-e", "duktape", "-e", "duktape+bluebird", "-q",
                    "--store", store})
                    .exit_code == 2,
            false);
  ProcessResult history = settle({"history", "--store", store, "--html", dir.file("h.html")});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  std::string html = read_file(dir.file("h.html"));
  EXPECT_TRUE(contains(html, "<svg class=\"trend-chart\"")) << html;
  EXPECT_TRUE(contains(html, "class=\"n heat\"")) << html;
  EXPECT_TRUE(contains(html, "class=\"n interop\"")) << html;
  EXPECT_FALSE(contains(html, "http://") || contains(html, "https://")) << "no network";
  std::string browser;
  for (const char* name : {"chromium", "chromium-browser"}) {
    if (browser.empty() &&
        run_process({"sh", "-c", std::string("command -v ") + name}).exit_code == 0)
      browser = name;
  }
  if (browser.empty()) GTEST_SKIP() << "no chromium on PATH (apt-get install chromium)";
  std::filesystem::create_directories(SETTLE_ARTIFACT_DIR);
  std::string shot = std::string(SETTLE_ARTIFACT_DIR) + "/history.png";
  std::filesystem::remove(shot);
  ProcessResult dom = run_process(
      {"timeout", "120", browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + dir.file("chromium-profile"), "--dump-dom",
       "file://" + dir.file("h.html")});
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_TRUE(contains(dom.out, "<polyline")) << dom.out;
  EXPECT_TRUE(contains(dom.out, "class=\"heatmap\"")) << dom.out;
  ProcessResult picture = run_process(
      {"timeout", "120", browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + dir.file("chromium-profile"), "--screenshot=" + shot,
       "--window-size=1280,900", "file://" + dir.file("h.html")});
  ASSERT_EQ(picture.exit_code, 0) << picture.err;
  EXPECT_EQ(read_file(shot).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(StoreFaults, TwoWritersAtOnceLoseNothing) {
  TempDir dir;
  std::string store = dir.file("s.db");
  ProcessResult a, b;
  std::thread first([&] { a = record_then(store); });
  std::thread second([&] { b = record_then(store); });
  first.join();
  second.join();
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  ProcessResult history = settle({"history", "--store", store});
  EXPECT_TRUE(contains(run_line(history.out, 1), "duktape 41/43")) << history.out;
  EXPECT_TRUE(contains(run_line(history.out, 2), "duktape 41/43")) << history.out;
}

TEST(StoreFaults, AWriterKilledMidWriteLeavesEveryCommittedRun) {
  TempDir dir;
  std::string store = dir.file("s.db");
  ASSERT_EQ(record_then(store).exit_code, 0);
  {
    Spawned writer(
        {settle_binary(), "run", shipped_cases("then"), "-e", "duktape", "-q", "--store", store},
        // The killed run's temporary JSON report (it writes none of its own) cannot be
        // removed by it: it goes with the test's folder.
        dir.path(), {"SETTLE_STORE_TEST_PAUSE_MS=60000", "TMPDIR=" + dir.path()});
    ASSERT_TRUE(writer.wait_for_output("settle: store: writing")) << writer.err();
    writer.signal(SIGKILL);
    EXPECT_EQ(writer.wait(), 128 + SIGKILL);
  }
  ProcessResult history = settle({"history", "--store", store});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_TRUE(contains(run_line(history.out, 1), "duktape 41/43")) << history.out;
  EXPECT_EQ(run_line(history.out, 2), "") << "the killed run was never committed\n" << history.out;
  ProcessResult again = record_then(store);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(contains(settle({"history", "--store", store}).out, "duktape 41/43"));
}

TEST(StoreFaults, AFileThatIsNotAStoreIsExit2BeforeAnythingRuns) {
  TempDir dir;
  std::string store = dir.write("s.db", "this is not a SQLite database, just text\n");
  ProcessResult run = settle({"run", shipped_cases("then"), "-e", "duktape", "--json",
                              dir.file("r.json"), "--store", store});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "cannot be used as a results store")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("r.json")));
  ProcessResult history = settle({"history", "--store", store});
  EXPECT_EQ(history.exit_code, 2) << history.err;
  EXPECT_EQ(read_file(store), "this is not a SQLite database, just text\n") << "left as it was";
}

TEST(StoreFaults, AStoreOfANewerSchemaIsExit2) {
  TempDir dir;
  std::string store = dir.file("s.db");
  ASSERT_EQ(record_then(store).exit_code, 0);
  // Fold the write-ahead log in, then set the header's user_version (offset 60) to 99.
  ASSERT_EQ(settle({"history", "--store", store}).exit_code, 0);
  std::string bytes = read_file(store);
  ASSERT_GT(bytes.size(), 100u);
  bytes[60] = 0, bytes[61] = 0, bytes[62] = 0, bytes[63] = 99;
  std::filesystem::remove(store + "-wal");
  std::filesystem::remove(store + "-shm");
  std::ofstream(store, std::ios::binary | std::ios::trunc) << bytes;
  ProcessResult history = settle({"history", "--store", store});
  EXPECT_EQ(history.exit_code, 2) << history.err;
  EXPECT_TRUE(contains(history.err, "newer")) << history.err;
}

}  // namespace
}  // namespace settle::testing
