// The README is a front door (at most 200 lines), and no link of the documentation leads nowhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "process.h"

namespace settle::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> documents() {
  const fs::path root = SETTLE_SOURCE_DIR;
  std::vector<fs::path> found = {root / "README.md", root / "CONTRIBUTING.md"};
  for (const auto& entry : fs::directory_iterator(root / "docs")) {
    if (entry.path().extension() == ".md") found.push_back(entry.path());
  }
  return found;
}

TEST(Docs, TheReadmeIsAtMost200Lines) {
  const std::string readme = read_file(std::string(SETTLE_SOURCE_DIR) + "/README.md");
  EXPECT_LE(std::count(readme.begin(), readme.end(), '\n'), 200);
}

TEST(Docs, EveryLinkToAFileOfTheRepositoryResolves) {
  const std::regex link(R"(\]\(([^)\s#]+)(#[^)]*)?\))");
  std::size_t checked = 0;
  for (const fs::path& document : documents()) {
    const std::string text = read_file(document.string());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), link);
         it != std::sregex_iterator(); ++it) {
      const std::string target = (*it)[1];
      if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0) continue;
      ++checked;
      EXPECT_TRUE(fs::exists(document.parent_path() / target))
          << document.filename() << " links to " << target << ", which does not exist";
    }
  }
  EXPECT_GT(checked, 10u);
}

}  // namespace
}  // namespace settle::testing
