// End-to-end tests of the attacks of a test262 folder on the files around it (issue 21): an include
// that names a file outside harness/ (an absolute path, a path, a NUL, a symlink, a symlinked
// $DONE file), and a module test's folder holding a symlink to a file outside it, imported
// statically, by import() or as text. Each is refused before any engine runs, and the file's
// text is nowhere in what settle writes. The symlinks are made at run time in a temporary checkout.
#include <sys/stat.h>

#include <filesystem>
#include <set>

#include "settle_cli.h"

namespace settle::testing {
namespace {

namespace fs = std::filesystem;

const std::string kHarness = std::string(SETTLE_SOURCE_DIR) + "/tests/test262/harness/";
// The text of the file outside the checkout that each attack tries to read.
const std::string kSecret = "settle-secret-7f3a";

// A miniature checkout in dir/checkout, and files outside it in dir/outside: a module, a text and
// a script (config.js), each of which shows kSecret where it is run.
void write_checkout(const TempDir& dir) {
  for (const char* name : {"assert.js", "sta.js", "doneprintHandle.js"}) {
    dir.write(std::string("checkout/harness/") + name, read_file(kHarness + name));
  }
  fs::create_directories(dir.file("checkout/test"));
  dir.write("outside/secret.js", "export default '" + kSecret + "';\n");
  dir.write("outside/passwd", "root:x:0:0:" + kSecret + ":/root:/bin/sh\n");
  dir.write("outside/config.js", "throw new Error('" + kSecret + "');\n");
}

std::string all_written(const ProcessResult& run, const TempDir& dir) {
  std::string report = fs::exists(dir.file("r.json")) ? read_file(dir.file("r.json")) : "";
  return run.out + run.err + report;
}

ProcessResult run_checkout(const TempDir& dir, const std::string& engine) {
  return settle({"run", dir.file("checkout/test"), "-e", engine, "--timeout", "2000", "--json",
                 dir.file("r.json")});
}

TEST(Test262Includes, AnAbsolutePathIsRefusedAtItsPlace) {
  TempDir dir;
  write_checkout(dir);
  dir.write("checkout/test/t.js",
            "/*---\ndescription: d\nincludes: [" + dir.file("outside/config.js") + "]\n---*/\n");
  ProcessResult run = run_checkout(dir, "duktape");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(contains(
      run.out + run.err,
      "t.js:3:12: includes[0]: include " + dir.file("outside/config.js") + " is an absolute path"))
      << run.out << run.err;
  EXPECT_FALSE(contains(all_written(run, dir), kSecret)) << all_written(run, dir);
}

// Names that are no plain file name of harness/: each is refused with its field, never read.
TEST(Test262Includes, APathOrAControlCharacterIsRefused) {
  for (const std::string& name :
       {std::string("../../outside/secret.js"), std::string("\"..\\\\..\\\\outside\\\\secret.js\""),
        std::string("\"sta.js\\0/../../outside/secret.js\""), std::string("\"sta.js\\0\""),
        std::string("./sta.js")}) {
    TempDir dir;
    write_checkout(dir);
    dir.write("checkout/test/t.js", "/*---\ndescription: d\nincludes: [" + name + "]\n---*/\n");
    ProcessResult run = run_checkout(dir, "duktape");
    EXPECT_EQ(run.exit_code, 2) << name << ": " << run.out << run.err;
    EXPECT_TRUE(contains(run.out + run.err, "t.js:3:12: includes[0]: "))
        << name << ": " << run.out << run.err;
    EXPECT_TRUE(contains(run.out + run.err, "a file name in the checkout's harness folder"))
        << name << ": " << run.out << run.err;
  }
}

TEST(Test262Includes, AHarnessSymlinkLeadingOutsideIsRefused) {
  TempDir dir;
  write_checkout(dir);
  fs::create_symlink(dir.file("outside/config.js"), dir.file("checkout/harness/config.js"));
  dir.write("checkout/test/t.js", "/*---\ndescription: d\nincludes: [config.js]\n---*/\n");
  ProcessResult run = run_checkout(dir, "duktape");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(
      contains(run.out + run.err, "t.js:3:12: includes[0]: harness file config.js is a symlink to"))
      << run.out << run.err;
  EXPECT_FALSE(contains(all_written(run, dir), kSecret)) << all_written(run, dir);
}

// A FIFO named as an include would be opened and waited on for ever: it is no regular file of
// harness/. (A symlink to /dev/zero, read without end, is refused in the unit tests: run here on
// a settle without the fix, it would take all the machine's memory.)
TEST(Test262Includes, AFifoIsRefusedWithoutWaiting) {
  TempDir dir;
  write_checkout(dir);
  ASSERT_EQ(::mkfifo(dir.file("checkout/harness/fifo.js").c_str(), 0600), 0);
  dir.write("checkout/test/t.js", "/*---\ndescription: d\nincludes: [fifo.js]\n---*/\n");
  ProcessResult run = run_process({"timeout", "-k", "2", "20", settle_binary(), "run",
                                   dir.file("checkout/test"), "-e", "duktape"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(contains(run.out + run.err, "t.js:3:12: includes[0]: harness file fifo.js"))
      << run.out << run.err;
}

// A harness folder that is a symlink to a folder outside the checkout is no harness folder of it.
TEST(Test262Includes, AHarnessFolderLeadingOutsideTheCheckoutIsRefused) {
  TempDir dir;
  write_checkout(dir);
  fs::rename(dir.file("checkout/harness"), dir.file("outside/harness"));
  fs::create_directory_symlink(dir.file("outside/harness"), dir.file("checkout/harness"));
  dir.write("outside/harness/secret.js", "throw new Error('" + kSecret + "');\n");
  dir.write("checkout/test/t.js", "/*---\ndescription: d\nincludes: [secret.js]\n---*/\n");
  ProcessResult run = run_checkout(dir, "duktape");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_TRUE(contains(run.out + run.err, "checkout/harness is a symlink to"))
      << run.out << run.err;
  EXPECT_TRUE(contains(run.out + run.err, "outside the checkout")) << run.out << run.err;
  EXPECT_FALSE(contains(all_written(run, dir), kSecret)) << all_written(run, dir);
}

// The $DONE file every async test gets, and assert.js, are harness files like any other.
TEST(Test262Includes, ASymlinkedDefaultIncludeIsRefused) {
  for (const std::string name : {"doneprintHandle.js", "sta.js"}) {
    TempDir dir;
    write_checkout(dir);
    fs::remove(dir.file("checkout/harness/" + name));
    fs::create_symlink(dir.file("outside/config.js"), dir.file("checkout/harness/" + name));
    dir.write("checkout/test/t.js", "/*---\ndescription: d\nflags: [async]\n---*/\n$DONE();\n");
    ProcessResult run = run_checkout(dir, "duktape");
    EXPECT_EQ(run.exit_code, 2) << name << ": " << run.out << run.err;
    EXPECT_TRUE(contains(run.out + run.err, "harness file " + name + " is a symlink to"))
        << run.out << run.err;
    EXPECT_FALSE(contains(all_written(run, dir), kSecret)) << all_written(run, dir);
  }
}

class Test262ModuleFolder : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!engine_available(GetParam())) GTEST_SKIP() << GetParam() << " is not installed";
    write_checkout(dir_);
  }
  TempDir dir_;
};

// Three tests import a file of their folder that is a symlink to a file outside it: statically,
// by import() and as text. Settle refuses each test, on every engine (those that run no module
// code too); the engine never gets the file.
TEST_P(Test262ModuleFolder, ASymlinkLeadingOutsideTheTestsFolderIsRefused) {
  fs::create_directories(dir_.file("checkout/test/m"));
  fs::create_symlink(dir_.file("outside/secret.js"), dir_.file("checkout/test/m/leak_FIXTURE.js"));
  fs::create_symlink(dir_.file("outside/passwd"), dir_.file("checkout/test/m/passwd_FIXTURE.js"));
  dir_.write("checkout/test/m/static.js",
             "/*---\ndescription: d\nflags: [module]\n---*/\n"
             "import secret from './leak_FIXTURE.js';\nthrow new Test262Error(secret);\n");
  dir_.write("checkout/test/m/dynamic.js",
             "/*---\ndescription: d\nflags: [async]\nfeatures: [dynamic-import]\n---*/\n"
             "import('./leak_FIXTURE.js').then(function (ns) {\n"
             "  throw new Test262Error(ns.default);\n}).then($DONE, $DONE);\n");
  dir_.write("checkout/test/m/text.js",
             "/*---\ndescription: d\nflags: [module]\nfeatures: [import-attributes]\n---*/\n"
             "import text from './passwd_FIXTURE.js' with { type: 'text' };\n"
             "throw new Test262Error(text);\n");
  ProcessResult run = run_checkout(dir_, GetParam());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  for (const std::string test : {"static.js", "dynamic.js", "text.js"}) {
    EXPECT_TRUE(contains(run.out + run.err, "m/" + test + ": the test's folder "))
        << run.out << run.err;
  }
  EXPECT_TRUE(
      contains(run.out + run.err, "holds symlinks to files outside it (leak_FIXTURE.js -> " +
                                      fs::canonical(dir_.file("outside/secret.js")).string() +
                                      ", passwd_FIXTURE.js -> "))
      << run.out << run.err;
  EXPECT_FALSE(contains(all_written(run, dir_), kSecret)) << all_written(run, dir_);
}

// What leaves the folder by its specifier, not by a symlink, is a resolution error on every
// engine, before any file is read: ./a/../../x, ./sub/x where sub is a symlinked folder, an
// absolute path and a file: URL, statically or by import().
TEST_P(Test262ModuleFolder, ASpecifierLeavingTheFolderIsAResolutionError) {
  if (!kModuleEngines.count(GetParam())) GTEST_SKIP() << GetParam() << " runs no module code";
  fs::create_directories(dir_.file("checkout/test/m/a"));
  fs::create_directory_symlink(dir_.file("outside"), dir_.file("checkout/test/m/sub"));
  dir_.write("checkout/test/m/dotdot.js",
             "/*---\ndescription: d\nflags: [module]\n---*/\n"
             "import secret from './a/../../../outside/secret.js';\n"
             "throw new Test262Error(secret);\n");
  dir_.write("checkout/test/m/folder.js",
             "/*---\ndescription: d\nflags: [module]\n---*/\n"
             "import secret from './sub/secret.js';\nthrow new Test262Error(secret);\n");
  const std::string secret = fs::canonical(dir_.file("outside/secret.js")).string();
  dir_.write("checkout/test/m/absolute.js",
             "/*---\ndescription: d\nflags: [module]\n---*/\n"
             "import secret from '" +
                 secret +
                 "';\n"
                 "throw new Test262Error(secret);\n");
  dir_.write("checkout/test/m/url.js",
             "/*---\ndescription: d\nflags: [module]\n---*/\n"
             "await import('file://" +
                 secret +
                 "').then(function (ns) {\n"
                 "  throw new Test262Error(ns.default);\n});\n");
  ProcessResult run = run_checkout(dir_, GetParam());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  nlohmann::json report = read_json(dir_.file("r.json"));
  ASSERT_EQ(report["results"].size(), 4u) << report;
  for (const nlohmann::json& result : report["results"]) {
    EXPECT_EQ(result["status"], "fail") << result;
    // import() fails at run time, as a rejection that the await throws.
    if (result["id"] != "test/m/url.js#default") {
      EXPECT_EQ(result["observed"]["resolution_error"], true) << result;
    }
  }
  EXPECT_FALSE(contains(all_written(run, dir_), kSecret)) << all_written(run, dir_);
}

INSTANTIATE_TEST_SUITE_P(Shells, Test262ModuleFolder, ::testing::ValuesIn(kProcessProfiles),
                         profile_test_name);

}  // namespace
}  // namespace settle::testing
