#include "runner/corpus/discover.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace settle {
namespace {

namespace fs = std::filesystem;

// A temporary tree; each test runs with it as the current folder, so paths stay short.
class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("settle_discover_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    previous_ = fs::current_path();
    fs::current_path(root_);
    for (const char* file :
         {"cases/then/order.json", "cases/finally/basics.json", "cases/finally/b.json",
          "cases/then/deep/x.json", "cases/finally/notes.txt", "cases/finally/basics.json.bak",
          "suite/top.json", "suite/a/b.json"}) {
      touch(file);
    }
    fs::create_directories("cases/finally/folder.json");
  }
  void TearDown() override {
    fs::current_path(previous_);
    fs::remove_all(root_);
  }

  static void touch(const fs::path& file) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "{\"cases\": []}\n";
  }

  static std::vector<std::string> paths(const Discovery& discovery) {
    std::vector<std::string> out;
    for (const auto& file : discovery.files) out.push_back(file.path);
    return out;
  }
  static std::vector<std::string> prefixes(const Discovery& discovery) {
    std::vector<std::string> out;
    for (const auto& file : discovery.files) out.push_back(file.id_prefix);
    return out;
  }

  fs::path root_;
  fs::path previous_;
};

using Strings = std::vector<std::string>;

TEST_F(DiscoverTest, FolderGivesItsJsonFilesSorted) {
  Discovery found = discover({"cases"});
  EXPECT_EQ(paths(found), (Strings{"cases/finally/b.json", "cases/finally/basics.json",
                                   "cases/then/deep/x.json", "cases/then/order.json"}));
  EXPECT_TRUE(found.errors.empty());
}

TEST_F(DiscoverTest, OnlyRegularJsonFilesAreCaseFiles) {
  Discovery found = discover({"cases/finally"});
  EXPECT_EQ(paths(found), (Strings{"cases/finally/b.json", "cases/finally/basics.json"}));
}

// test262 keeps modules and JSON modules that tests import beside them, named *_FIXTURE.*.
TEST_F(DiscoverTest, FixtureFilesOfAnyExtensionAreNeverCaseFilesOrTests) {
  for (const char* file : {"t262/import/2nd-param_FIXTURE.json", "t262/import/a_FIXTURE.js",
                           "t262/import/b_FIXTURE.mjs", "t262/import/test.js"}) {
    touch(file);
  }
  EXPECT_EQ(paths(discover({"t262"})), (Strings{"t262/import/test.js"}));
}

TEST_F(DiscoverTest, IdPrefixIsRelativeToTheCasesFolderWithoutExtension) {
  Discovery found = discover({"cases"});
  EXPECT_EQ(prefixes(found), (Strings{"finally/b", "finally/basics", "then/deep/x", "then/order"}));
}

TEST_F(DiscoverTest, SubfolderKeepsIdsRelativeToCases) {
  Discovery found = discover({"cases/then"});
  EXPECT_EQ(prefixes(found), (Strings{"then/deep/x", "then/order"}));
}

TEST_F(DiscoverTest, SingleFileKeepsIdRelativeToCases) {
  Discovery found = discover({"cases/finally/basics.json"});
  ASSERT_EQ(found.files.size(), 1u);
  EXPECT_EQ(found.files[0].path, "cases/finally/basics.json");
  EXPECT_EQ(found.files[0].id_prefix, "finally/basics");
}

TEST_F(DiscoverTest, AbsolutePathGivesTheSameIds) {
  Discovery found = discover({(root_ / "cases" / "then").string()});
  EXPECT_EQ(prefixes(found), (Strings{"then/deep/x", "then/order"}));
}

TEST_F(DiscoverTest, NearestCasesFolderWins) {
  touch("cases/vendor/cases/inner.json");
  Discovery found = discover({"cases/vendor"});
  EXPECT_EQ(prefixes(found), (Strings{"inner"}));
}

TEST_F(DiscoverTest, WithoutCasesFolderIdsAreRelativeToTheNamedFolder) {
  Discovery found = discover({"suite"});
  EXPECT_EQ(paths(found), (Strings{"suite/a/b.json", "suite/top.json"}));
  EXPECT_EQ(prefixes(found), (Strings{"a/b", "top"}));
}

TEST_F(DiscoverTest, WithoutCasesFolderAFileIdIsItsName) {
  Discovery found = discover({"suite/a/b.json"});
  EXPECT_EQ(prefixes(found), (Strings{"b"}));
}

TEST_F(DiscoverTest, CaseRootOverridesTheCasesFolder) {
  Discovery found = discover({"cases/finally/basics.json"}, std::string("cases/finally"));
  EXPECT_EQ(prefixes(found), (Strings{"basics"}));
}

TEST_F(DiscoverTest, CaseRootOverridesTheNamedFolder) {
  Discovery found = discover({"suite"}, root_.string());
  EXPECT_EQ(prefixes(found), (Strings{"suite/a/b", "suite/top"}));
}

TEST_F(DiscoverTest, MissingPathIsAnErrorAndOthersStillFound) {
  Discovery found = discover({"nope", "suite/top.json"});
  ASSERT_EQ(found.errors.size(), 1u);
  EXPECT_EQ(found.errors[0].file(), "nope");
  EXPECT_EQ(found.errors[0].to_string(), "nope: no such file or folder") << "no line or column";
  EXPECT_EQ(paths(found), (Strings{"suite/top.json"}));
}

TEST_F(DiscoverTest, MissingFileInsideAnExistingFolderIsAnError) {
  Discovery found = discover({"cases/finally/absent.json"});
  EXPECT_TRUE(found.files.empty());
  ASSERT_EQ(found.errors.size(), 1u);
  EXPECT_EQ(found.errors[0].file(), "cases/finally/absent.json");
}

TEST_F(DiscoverTest, FileNamedTwiceIsListedOnce) {
  Discovery found = discover({"cases/finally", "cases/finally/basics.json", "cases/./finally"});
  EXPECT_EQ(paths(found), (Strings{"cases/finally/b.json", "cases/finally/basics.json"}));
}

TEST_F(DiscoverTest, SeveralArgumentsAreSortedTogether) {
  Discovery found = discover({"suite", "cases/then"});
  EXPECT_EQ(paths(found), (Strings{"cases/then/deep/x.json", "cases/then/order.json",
                                   "suite/a/b.json", "suite/top.json"}));
}

TEST_F(DiscoverTest, EmptyFolderFindsNothingWithoutError) {
  fs::create_directories("empty");
  Discovery found = discover({"empty"});
  EXPECT_TRUE(found.files.empty());
  EXPECT_TRUE(found.errors.empty());
}

}  // namespace
}  // namespace settle
