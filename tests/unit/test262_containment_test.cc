// Unit tests of what a test262 checkout reads: an include names a file of harness/ and nothing
// else, and a symlink (in harness/ or in a module test's folder) is followed only as far as the
// folder it is in.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "runner/corpus/harness_include_name.h"
#include "runner/corpus/test262_loader.h"
#include "runner/input/real_path.h"

namespace settle {
namespace {

namespace fs = std::filesystem;

TEST(HarnessIncludeName, IsAPlainFileNameOfTheHarnessFolder) {
  EXPECT_FALSE(harness_include_name_problem("assert.js"));
  EXPECT_FALSE(harness_include_name_problem("..dots-in-a-name..js"));
  for (const std::string name :
       {"/etc/passwd", "../escape.js", "a/b.js", "a\\..\\b.js", "..", ".", "", "//x.js"}) {
    EXPECT_TRUE(harness_include_name_problem(name)) << name;
  }
  std::optional<std::string> nul = harness_include_name_problem(std::string("sta.js\0x.js", 11));
  ASSERT_TRUE(nul);
  EXPECT_NE(nul->find("sta.js\\x00x.js holds a NUL"), std::string::npos) << *nul;
  EXPECT_NE(harness_include_name_problem("/etc/x.js")->find("/etc/x.js is an absolute path"),
            std::string::npos);
}

TEST(RealPath, IsInsideOnlyBelowTheFolder) {
  EXPECT_TRUE(is_inside("/a/b/c.js", "/a/b"));
  EXPECT_TRUE(is_inside("/a/b/sub/c.js", "/a/b"));
  EXPECT_FALSE(is_inside("/a/b", "/a/b"));
  EXPECT_FALSE(is_inside("/a/bc.js", "/a/b"));
  EXPECT_FALSE(is_inside("/etc/passwd", "/a/b"));
  EXPECT_FALSE(real_path("/surely/not/here"));
}

class Test262ContainmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("settle-t262-containment-" + std::to_string(::getpid()));
    root_ = base_ / "checkout";
    fs::create_directories(root_ / "harness");
    fs::create_directories(root_ / "test" / "m");
    fs::create_directories(base_ / "outside");
    for (const char* name : {"assert.js", "sta.js", "doneprintHandle.js"}) {
      std::ofstream(root_ / "harness" / name) << "// " << name << "\n";
    }
    std::ofstream(base_ / "outside" / "secret.js") << "secret text\n";
    std::ofstream(root_ / "test" / "m" / "a_FIXTURE.js") << "export default 1;\n";
    checkout_ = std::make_unique<Test262Checkout>(root_);
  }
  void TearDown() override { fs::remove_all(base_); }

  LoadedCases load(const std::string& source) {
    std::string file = (root_ / "test" / "m" / "t.js").string();
    return load_test262_test(file, source, *checkout_);
  }

  static std::string error_text(const LoadedCases& loaded) {
    auto* error = std::get_if<InputError>(&loaded);
    return error ? error->to_string() : "(no error)";
  }

  fs::path base_;
  fs::path root_;
  std::unique_ptr<Test262Checkout> checkout_;
};

TEST_F(Test262ContainmentTest, AnAbsoluteIncludeIsRefusedAtItsPlace) {
  std::string secret = (base_ / "outside" / "secret.js").string();
  LoadedCases loaded = load("/*---\nincludes: [" + secret + "]\n---*/\n");
  ASSERT_TRUE(std::holds_alternative<InputError>(loaded));
  const InputError& error = std::get<InputError>(loaded);
  EXPECT_EQ(error.field(), "includes[0]");
  EXPECT_EQ(error.where().line, 2u);
  EXPECT_EQ(error.where().column, 12u);
  EXPECT_NE(error.message().find("is an absolute path"), std::string::npos) << error.message();
  EXPECT_EQ(error.message().find("secret text"), std::string::npos);
}

TEST_F(Test262ContainmentTest, AHarnessSymlinkIsFollowedOnlyInsideTheHarnessFolder) {
  fs::create_symlink(base_ / "outside" / "secret.js", root_ / "harness" / "leak.js");
  fs::create_symlink("assert.js", root_ / "harness" / "alias.js");
  const HarnessLookup& leak = checkout_->harness_file("leak.js");
  EXPECT_FALSE(leak.file);
  EXPECT_NE(leak.problem.find("outside"), std::string::npos) << leak.problem;
  ASSERT_TRUE(checkout_->harness_file("alias.js").file);
  EXPECT_EQ(checkout_->harness_file("alias.js").file->code, "// assert.js\n");
}

// A folder, a FIFO or a device is no harness file: reading a FIFO would wait for a writer.
TEST_F(Test262ContainmentTest, AHarnessIncludeIsARegularFile) {
  fs::create_directory(root_ / "harness" / "folder.js");
  ASSERT_EQ(::mkfifo((root_ / "harness" / "fifo.js").c_str(), 0600), 0);
  for (const char* name : {"folder.js", "fifo.js"}) {
    const HarnessLookup& lookup = checkout_->harness_file(name);
    EXPECT_FALSE(lookup.file) << name;
    EXPECT_NE(lookup.problem.find("is not a regular file"), std::string::npos) << lookup.problem;
  }
  // Read, /dev/zero would grow without end: it is outside harness/, never opened.
  fs::create_symlink("/dev/zero", root_ / "harness" / "zero.js");
  EXPECT_FALSE(checkout_->harness_file("zero.js").file);
}

TEST_F(Test262ContainmentTest, AHarnessFolderLeadingOutsideTheCheckoutIsRefused) {
  fs::rename(root_ / "harness", base_ / "outside" / "harness");
  fs::create_directory_symlink(base_ / "outside" / "harness", root_ / "harness");
  const HarnessLookup& assert_js = checkout_->harness_file("assert.js");
  EXPECT_FALSE(assert_js.file);
  EXPECT_NE(assert_js.problem.find("outside the checkout"), std::string::npos) << assert_js.problem;
}

TEST_F(Test262ContainmentTest, ASymlinkedDefaultIncludeIsRefusedToo) {
  fs::remove(root_ / "harness" / "doneprintHandle.js");
  fs::create_symlink(base_ / "outside" / "secret.js", root_ / "harness" / "doneprintHandle.js");
  std::string text = error_text(load("/*---\nflags: [async]\n---*/\n"));
  EXPECT_NE(text.find("doneprintHandle.js is a symlink to"), std::string::npos) << text;
}

TEST_F(Test262ContainmentTest, AModuleFolderFileLeadingOutsideRefusesTheTest) {
  fs::create_symlink(base_ / "outside" / "secret.js", root_ / "test" / "m" / "x_FIXTURE.js");
  std::string text = error_text(load("/*---\nflags: [module]\n---*/\n"));
  EXPECT_NE(text.find("holds symlinks to files outside it (x_FIXTURE.js -> "), std::string::npos)
      << text;
  EXPECT_EQ(text.find("secret text"), std::string::npos) << text;
}

TEST_F(Test262ContainmentTest, AModuleFolderKeepsSymlinksInsideItAndSkipsFolders) {
  fs::create_symlink("a_FIXTURE.js", root_ / "test" / "m" / "b_FIXTURE.js");
  fs::create_directory_symlink(base_ / "outside", root_ / "test" / "m" / "sub");
  LoadedCases loaded = load("/*---\nflags: [module]\n---*/\n");
  ASSERT_TRUE(std::holds_alternative<std::vector<Case>>(loaded)) << error_text(loaded);
  const auto& folder = *std::get<std::vector<Case>>(loaded).at(0).test262->folder;
  ASSERT_EQ(folder.files.size(), 2u);
  EXPECT_EQ(folder.files[0].name, "test/m/a_FIXTURE.js");
  EXPECT_EQ(folder.files[1].name, "test/m/b_FIXTURE.js");
  EXPECT_EQ(folder.files[1].code, "export default 1;\n");
}

}  // namespace
}  // namespace settle
