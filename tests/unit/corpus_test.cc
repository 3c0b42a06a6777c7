// The corpus: every case file validated once, then its cases loaded again a group at a time, in id
// order, from the copy that was validated.
#include "runner/corpus/corpus.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace settle {
namespace {

namespace fs = std::filesystem;

std::string ids_file(const std::vector<std::string>& ids, const std::string& value = "1") {
  std::string cases;
  for (const std::string& id : ids) {
    cases += (cases.empty() ? "" : ",\n") + std::string("    {\"id\": \"") + id +
             "\", \"code\": \"" + value + "\", \"expect\": {\"returns\": " + value + "}}";
  }
  return "{\n  \"cases\": [\n" + cases + "\n  ]\n}\n";
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("settle_corpus_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string write(const std::string& name, const std::string& text) {
    fs::path file = root_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
  }
  std::string cases() const { return (root_ / "cases").string(); }

  // Every group's case ids, a group after another, and the code of each.
  static std::vector<std::string> ids(Corpus& corpus, std::vector<std::string>* code = nullptr) {
    std::vector<std::string> out;
    for (std::size_t group = 0; group < corpus.groups(); ++group) {
      for (const Case& test : corpus.load_group(group)) {
        out.push_back(test.id);
        if (code) code->push_back(test.code);
      }
    }
    return out;
  }

  fs::path root_;
};

TEST_F(CorpusTest, LoadsTheGroupsInIdOrderWhateverTheFilesOrder) {
  // a.json is found before a/b.json, but a/b/y sorts between its a/a and a/z.
  write("cases/a.json", ids_file({"z", "a"}));
  write("cases/a/b.json", ids_file({"y"}));
  write("cases/b.json", ids_file({"c", "b"}));
  std::vector<std::string> seen;
  Corpus corpus({{cases()}, std::nullopt, std::nullopt},
                [&](const Case& test) { seen.push_back(test.id); });
  EXPECT_TRUE(corpus.errors().empty());
  EXPECT_EQ(seen, (std::vector<std::string>{"a/z", "a/a", "a/b/y", "b/c", "b/b"}));
  EXPECT_EQ(corpus.groups(), 2u);
  EXPECT_EQ(ids(corpus), (std::vector<std::string>{"a/a", "a/b/y", "a/z", "b/b", "b/c"}));
  // A group loads as often as it is asked for.
  EXPECT_EQ(ids(corpus), (std::vector<std::string>{"a/a", "a/b/y", "a/z", "b/b", "b/c"}));
}

TEST_F(CorpusTest, AFileThatDoesNotLoadIsAnErrorWithItsPositionAndTheOthersStillLoad) {
  write("cases/good.json", ids_file({"one"}));
  write("cases/bad.json", "{\n  \"cases\": [\n    {\"id\": \"Bad Id\", \"code\": \"1\"}\n  ]\n}\n");
  Corpus corpus({{cases(), (root_ / "missing").string()}, std::nullopt, std::nullopt});
  ASSERT_EQ(corpus.errors().size(), 2u);
  EXPECT_EQ(corpus.errors()[0].message(), "no such file or folder");
  EXPECT_EQ(corpus.errors()[1].file(), cases() + "/bad.json");
  EXPECT_EQ(corpus.errors()[1].where().line, 3u);
  EXPECT_EQ(corpus.errors()[1].field(), "cases[0].id");
  EXPECT_EQ(ids(corpus), std::vector<std::string>{"good/one"});
}

TEST_F(CorpusTest, RunsTheCasesAsValidatedWhenTheirFilesChangeOrGoAfterwards) {
  write("cases/edited.json", ids_file({"first", "second"}, "1"));
  std::string removed = write("cases/removed.json", ids_file({"only"}, "2"));
  write("cases/broken.json", ids_file({"fine"}, "3"));
  Corpus corpus({{cases()}, std::nullopt, std::nullopt});
  ASSERT_TRUE(corpus.errors().empty());

  write("cases/edited.json", ids_file({"first", "new"}, "4"));
  fs::remove(removed);
  write("cases/broken.json", "{ not json");
  write("cases/added.json", ids_file({"late"}));

  std::vector<std::string> code;
  EXPECT_EQ(ids(corpus, &code), (std::vector<std::string>{"broken/fine", "edited/first",
                                                          "edited/second", "removed/only"}));
  EXPECT_EQ(code, (std::vector<std::string>{"3", "1", "1", "2"}));
}

TEST_F(CorpusTest, Test262TestsLoadAgainWithTheirHarness) {
  write("t262/harness/assert.js", "var assert = {};\n");
  write("t262/harness/sta.js", "function Test262Error() {}\n");
  std::string test = write("t262/test/a/b.js", "/*---\ndescription: b\n---*/\n$262.gc();\n");
  write("t262/test/a/helper.js", "// no front matter: not a test in a folder\n");
  Corpus corpus({{(root_ / "t262/test").string()}, std::nullopt, std::nullopt});
  ASSERT_TRUE(corpus.errors().empty());
  fs::remove(test);
  std::vector<Case> loaded = corpus.load_group(0);
  ASSERT_EQ(corpus.groups(), 1u);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0].id, "test/a/b.js#default");
  EXPECT_EQ(loaded[1].id, "test/a/b.js#strict");
  ASSERT_TRUE(loaded[1].test262);
  ASSERT_EQ(loaded[1].test262->harness.size(), 2u);
  EXPECT_EQ(loaded[1].test262->harness[1]->code, "function Test262Error() {}\n");
  EXPECT_EQ(loaded[1].test262->host_needs, std::vector<std::string>{"gc"});
  EXPECT_EQ(loaded[1].code, "\"use strict\";\n/*---\ndescription: b\n---*/\n$262.gc();\n");
}

TEST(CaseSnapshot, KeepsTheTextsInMemoryWhenItsFileCannotBeWritten) {
  // A file size limit makes write() fail with EFBIG, as a full disk would with ENOSPC.
  rlimit before{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &before), 0);
  auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit limit = before;
  limit.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limit), 0);
  std::vector<std::string> texts;
  std::vector<CaseSnapshot::Span> spans;
  {
    CaseSnapshot snapshot;
    for (int i = 0; i < 40; ++i) {
      texts.push_back(std::string(100'000, static_cast<char>('a' + i % 26)) + std::to_string(i));
      spans.push_back(snapshot.add(texts.back()));
    }
    std::vector<std::string> read;
    for (const CaseSnapshot::Span& span : spans) read.push_back(snapshot.text(span));
    EXPECT_EQ(read, texts);
  }
  setrlimit(RLIMIT_FSIZE, &before);
  std::signal(SIGXFSZ, previous_handler);
}

TEST(CaseSnapshot, GivesBackEachTextFromItsFile) {
  CaseSnapshot snapshot;
  std::vector<std::string> texts = {"", "one", std::string(3u << 20, 'x'), "two\0three"};
  std::vector<CaseSnapshot::Span> spans;
  for (const std::string& text : texts) spans.push_back(snapshot.add(text));
  EXPECT_EQ(snapshot.text(spans[3]), texts[3]);
  EXPECT_EQ(snapshot.text(spans[2]), texts[2]);
  EXPECT_EQ(snapshot.text(spans[1]), texts[1]);
  EXPECT_EQ(snapshot.text(spans[0]), texts[0]);
}

}  // namespace
}  // namespace settle
