// End-to-end tests of an installed settle: `cmake --install` into a temporary prefix, then the
// installed binary run from there, and where each settle looks for npm-installed engines.
#include <gtest/gtest.h>

#include <filesystem>

#include "settle_cli.h"

namespace settle::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The environment a test gives settle: nothing inherited chooses the engines folder.
std::vector<std::string> clean_environment(const std::string& home) {
  return {"SETTLE_ENGINES_DIR=", "SETTLE_NPM_DIR=", "XDG_CACHE_HOME=", "HOME=" + home};
}

std::string engines_line(const ProcessResult& engines) {
  std::size_t at = engines.err.find("npm-installed engines: ");  // stdout lists only engines
  if (at == std::string::npos) return "(none)";
  return engines.err.substr(at, engines.err.find('\n', at) - at);
}

class Installed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_ = new TempDir;
    install_ = new ProcessResult(
        run_process({"cmake", "--install", SETTLE_BUILD_DIR, "--prefix", prefix_->file("usr")}));
  }
  static void TearDownTestSuite() {
    delete install_;
    delete prefix_;
  }
  void SetUp() override {
    ASSERT_EQ(install_->exit_code, 0) << install_->out << install_->err;
    // The tests drive this build's binary; another one (SETTLE_BINARY) was not installed here.
    if (settle_binary() != SETTLE_BINARY) GTEST_SKIP() << "SETTLE_BINARY is another build";
  }
  static std::string installed(const std::string& path) { return prefix_->file("usr/" + path); }

  static TempDir* prefix_;
  static ProcessResult* install_;
};
TempDir* Installed::prefix_ = nullptr;
ProcessResult* Installed::install_ = nullptr;

TEST_F(Installed, PutsTheBinaryInBinAndItsFilesInShareSettle) {
  EXPECT_TRUE(fs::is_regular_file(installed("bin/settle")));
  for (const char* file :
       {"share/settle/profiles/node.json", "share/settle/profiles/duktape+bluebird.json",
        "share/settle/drivers/driver_core.js", "share/settle/drivers/node_adapter.js",
        "share/settle/host/host.js", "share/settle/duktape/promise.js",
        "share/settle/npm/package.json"}) {
    EXPECT_TRUE(fs::is_regular_file(installed(file))) << file;
  }
}

TEST_F(Installed, TheBinaryHoldsNoPathOfTheSourceOrBuildFolder) {
  std::string binary = read_file(installed("bin/settle"));
  ASSERT_GT(binary.size(), 100000u);
  EXPECT_EQ(binary.find(SETTLE_SOURCE_DIR), std::string::npos) << SETTLE_SOURCE_DIR;
  EXPECT_EQ(binary.find(SETTLE_BUILD_DIR), std::string::npos) << SETTLE_BUILD_DIR;
}

TEST_F(Installed, RunsCasesFromAnywhere) {
  TempDir dir;
  dir.write("cases/a.json", R"json({"cases": [
    {"id": "finally", "code": "Promise.resolve(2).finally(function () { return 77; })",
     "expect": {"fulfilled": 2}}]})json");
  ProcessResult run = run_process({installed("bin/settle"), "run", "cases", "--json", "r.json"},
                                  dir.path(), clean_environment(dir.path()));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(status_in(read_json(dir.file("r.json")), "a/finally", "duktape"), "pass");
}

TEST_F(Installed, FindsEnginesByOptionThenEnvironmentThenTheUsersCache) {
  TempDir home;
  std::vector<std::string> env = clean_environment(home.path());
  const std::string settle = installed("bin/settle");
  EXPECT_EQ(engines_line(run_process({settle, "engines"}, "", env)),
            "npm-installed engines: " + home.file(".cache/settle/engines/node_modules") +
                "  (chosen by the default)");
  env.push_back("XDG_CACHE_HOME=" + home.file("xdg"));
  EXPECT_EQ(engines_line(run_process({settle, "engines"}, "", env)),
            "npm-installed engines: " + home.file("xdg/settle/engines/node_modules") +
                "  (chosen by XDG_CACHE_HOME)");
  env.push_back("SETTLE_NPM_DIR=" + home.file("old/node_modules"));
  EXPECT_EQ(
      engines_line(run_process({settle, "engines"}, "", env)),
      "npm-installed engines: " + home.file("old/node_modules") + "  (chosen by SETTLE_NPM_DIR)");
  env.push_back("SETTLE_ENGINES_DIR=" + home.file("env"));
  EXPECT_EQ(engines_line(run_process({settle, "engines"}, "", env)),
            "npm-installed engines: " + home.file("env/node_modules") +
                "  (chosen by SETTLE_ENGINES_DIR)");
  EXPECT_EQ(
      engines_line(run_process({settle, "engines", "--engines-dir", home.file("opt")}, "", env)),
      "npm-installed engines: " + home.file("opt/node_modules") + "  (chosen by --engines-dir)");
}

// A profile's {npm} files load from the folder chosen: a stand-in for bluebird's browser build
// (a Promise that is only a constructor, with the two hooks the profile's rejection_hook sets)
// makes duktape+bluebird available, and runs.
TEST_F(Installed, LoadsAProfilesPackagesFromTheEnginesDir) {
  TempDir dir;
  dir.write("engines/node_modules/bluebird/js/browser/bluebird.min.js",
            "var Promise = function Promise(executor) { this.stand_in = true; };"
            "Promise.onPossiblyUnhandledRejection = function () {};"
            "Promise.onUnhandledRejectionHandled = function () {};");
  dir.write("cases/a.json",
            R"json({"cases": [{"id": "stand-in", "code": "new Promise(function () {}).stand_in",
                               "expect": {"returns": true}}]})json");
  std::vector<std::string> env = clean_environment(dir.path());
  const std::string settle = installed("bin/settle");
  ProcessResult missing =
      run_process({settle, "run", "cases", "-e", "duktape+bluebird"}, dir.path(), env);
  EXPECT_EQ(missing.exit_code, 3) << missing.out << missing.err;
  EXPECT_TRUE(contains(missing.err, dir.file(".cache/settle/engines/node_modules/bluebird")))
      << missing.err;
  ProcessResult run = run_process(
      {settle, "run", "cases", "-e", "duktape+bluebird", "--engines-dir", dir.file("engines")},
      dir.path(), env);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

// `settle engines --install` puts a profile's npm packages, at settle's pinned versions, into the
// folder chosen (here the user's cache), and the profile then runs.
TEST_F(Installed, EnginesInstallPutsAProfilesNpmPackagesInTheEnginesFolder) {
  if (run_process({"npm", "ping"}).exit_code != 0)
    GTEST_SKIP() << "the npm registry is unreachable";
  TempDir dir;
  dir.write("cases/a.json", R"json({"cases": [{"id": "lie", "code": "Promise.resolve(4)",
                                               "expect": {"fulfilled": 4}}]})json");
  std::vector<std::string> env = clean_environment(dir.path());
  const std::string settle = installed("bin/settle");
  ProcessResult install =
      run_process({settle, "engines", "--install", "duktape+lie"}, dir.path(), env);
  ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  EXPECT_TRUE(contains(install.out, "duktape+lie  available  duktape 2.7.0 + lie 3.3.0"))
      << install.out;
  json manifest = read_json(dir.file(".cache/settle/engines/package.json"));
  EXPECT_EQ(manifest["dependencies"], json({{"lie", "3.3.0"}}));
  ProcessResult run = run_process({settle, "run", "cases", "-e", "duktape+lie"}, dir.path(), env);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

// A Debian package that is missing is installed only as root with --yes; otherwise settle prints
// the apt-get line and exits 3. An unknown engine is bad usage.
TEST(EnginesInstall, PrintsTheAptGetLineWithoutYesAndRefusesAnUnknownEngine) {
  TempDir dir;
  std::string profile = dir.write(
      "needs.json",
      R"json({"name": "needs", "adapter": "duktape", "debian": ["settle-no-such-package"]})json");
  ProcessResult install = settle({"engines", "--install", profile});
  EXPECT_EQ(install.exit_code, 3) << install.out << install.err;
  EXPECT_TRUE(
      contains(install.err, "apt-get install -y --no-install-recommends settle-no-such-package"))
      << install.err;
  ProcessResult unknown = settle({"engines", "--install", "node-curent"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "did you mean \"node-current\"")) << unknown.err;
}

// Options go anywhere (issue 23: `--install --yes jsc` installed an engine named "--yes").
TEST(EnginesInstall, TakesItsOptionsInAnyOrder) {
  TempDir dir;
  std::string profile = dir.write(
      "needs.json",
      R"json({"name": "needs", "adapter": "duktape", "debian": ["settle-no-such-package"]})json");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"engines", "--install", profile, "--engines-dir", dir.path()},
        std::vector<std::string>{"engines", "--install", "--engines-dir", dir.path(), profile},
        std::vector<std::string>{"engines", "--engines-dir", dir.path(), "--install", profile}}) {
    ProcessResult install = settle(args);
    EXPECT_EQ(install.exit_code, 3) << install.out << install.err;
    EXPECT_TRUE(contains(install.err, "settle-no-such-package")) << install.err;
    EXPECT_FALSE(contains(install.err, "unknown engine")) << install.err;
  }
  ProcessResult shown = settle({"engines", "duktape"});  // as -e duktape
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out.rfind("duktape  available", 0), 0u) << shown.out;
}

// `make deb`'s package, built by CPack from this build: its control fields, and its files
// extracted into a throwaway root, whose settle runs the shipped cases on duktape and node
// without the build folder (the binary holds no path of it; see above).
TEST(DebianPackage, DeclaresItsDependenciesAndRunsFromAThrowawayRoot) {
  if (run_process({"cpack", "--version"}).exit_code != 0 ||
      run_process({"dpkg-deb", "--version"}).exit_code != 0)
    GTEST_SKIP() << "cpack or dpkg-deb is missing";
  TempDir dir;
  ProcessResult pack =
      run_process({"cpack", "-G", "DEB", "--config",
                   std::string(SETTLE_BUILD_DIR) + "/CPackConfig.cmake", "-B", dir.file("out")});
  ASSERT_EQ(pack.exit_code, 0) << pack.out << pack.err;
  std::string deb;
  for (const auto& entry : fs::directory_iterator(dir.file("out"))) {
    if (entry.path().extension() == ".deb") deb = entry.path().string();
  }
  ASSERT_TRUE(contains(deb, "/settle_0.1.0_amd64.deb")) << deb;
  ProcessResult fields = run_process({"dpkg-deb", "-f", deb, "Package", "Depends", "Recommends"});
  EXPECT_TRUE(contains(fields.out, "Package: settle\n")) << fields.out;
  EXPECT_TRUE(contains(fields.out, "libstdc++6")) << fields.out;
  EXPECT_TRUE(contains(fields.out, "libyaml-cpp")) << fields.out;
  EXPECT_TRUE(contains(fields.out, "Recommends: nodejs, npm")) << fields.out;
  ProcessResult files = run_process({"dpkg-deb", "-c", deb});
  for (const char* file :
       {"./usr/bin/settle", "./usr/share/settle/profiles/node.json",
        "./usr/share/settle/drivers/driver_core.js", "./usr/share/settle/npm/package.json"}) {
    EXPECT_TRUE(contains(files.out, file)) << file << "\n" << files.out;
  }
  ASSERT_EQ(run_process({"dpkg-deb", "-x", deb, dir.file("root")}).exit_code, 0);
  dir.write("cases/a.json", R"json({"cases": [{"id": "finally", "code":
      "Promise.resolve(2).finally(function () { return 77; })", "expect": {"fulfilled": 2}}]})json");
  std::vector<std::string> engines = {"-e", "duktape"};
  if (run_process({"node", "--version"}).exit_code == 0) engines = {"-e", "duktape", "-e", "node"};
  std::vector<std::string> args = {dir.file("root/usr/bin/settle"), "run", "cases", "--json",
                                   "r.json"};
  args.insert(args.end(), engines.begin(), engines.end());
  ProcessResult run = run_process(args, dir.path(), clean_environment(dir.path()));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(read_json(dir.file("r.json"))["results"].size(), engines.size() / 2);
}

// The settle of a build folder finds the packages that `make engines` puts in build/engines.
TEST(BuildFolder, SettleFindsEnginesInItsBuildFolder) {
  TempDir home;
  ProcessResult engines =
      run_process({settle_binary(), "engines"}, "", clean_environment(home.path()));
  std::string folder = fs::path(settle_binary()).parent_path().string();
  EXPECT_EQ(engines_line(engines), "npm-installed engines: " + folder +
                                       "/engines/node_modules  (chosen by the build folder)");
}

}  // namespace
}  // namespace settle::testing
