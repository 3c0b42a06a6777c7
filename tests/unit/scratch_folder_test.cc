#include "engines/process/scratch_folder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace settle {
namespace {

namespace fs = std::filesystem;

TEST(ScratchFolder, IsPrivateEmptiesToItselfAndGoesWithTheObject) {
  fs::path parent = fs::temp_directory_path();
  fs::path path;
  {
    ScratchFolder scratch(parent);
    path = scratch.path();
    EXPECT_EQ(path.parent_path(), parent);
    struct stat info {};
    ASSERT_EQ(stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);

    std::ofstream(path / "0.js") << "export var x = 1;";
    fs::create_directories(path / "sub" / "deeper");
    std::ofstream(path / "sub" / "deeper" / "1.json") << "{}";
    scratch.empty();
    EXPECT_TRUE(fs::is_directory(path));
    EXPECT_TRUE(fs::is_empty(path));

    std::ofstream(path / "2.js") << "left for the destructor";
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(ScratchFolder, EachIsItsOwn) {
  ScratchFolder a(fs::temp_directory_path());
  ScratchFolder b(fs::temp_directory_path());
  EXPECT_NE(a.path(), b.path());
}

TEST(ScratchFolder, AParentThatCannotHoldOneIsAnError) {
  EXPECT_THROW(ScratchFolder(fs::temp_directory_path() / "settle-no-such-folder" / "deeper"),
               std::runtime_error);
}

}  // namespace
}  // namespace settle
