// One error and exit model (issue 23): a command that cannot go on says why in one `settle: ` line,
// printed once by main, and exits with the status docs/design.md gives it.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "settle_cli.h"

namespace settle::testing {
namespace {

struct BadCommand {
  std::vector<std::string> args;
  int exit_code;
  std::string said;  // in the one line
};

std::vector<std::string> settle_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("settle: ", 0) == 0) lines.push_back(line);
  }
  return lines;
}

TEST(ErrorModel, EachCommandSaysWhyOnceAndExitsWithItsStatus) {
  TempDir dir;
  const std::string cases = std::string(SETTLE_SOURCE_DIR) + "/cases/then";
  const std::string broken = dir.write("broken.json", "{\n  \"format\": \n");
  const std::vector<BadCommand> commands = {
      {{"run", cases, "-e", "no-such-engine"}, 2, "no-such-engine"},
      {{"run", cases, "--json", dir.file("missing/r.json")}, 2, "missing"},
      {{"engines", "-e", "no-such-engine"}, 2, "no-such-engine"},
      {{"diff", broken, broken}, 2, "broken.json:3:1"},
      {{"merge", broken, "-o", dir.file("merged.json")}, 2, "broken.json:3:1"},
      {{"repro", "then/no-such-case", cases, "-e", "duktape"}, 2, "then/no-such-case"},
      {{"history"}, 2, "history needs a store"},
      {{"explore", "--oracle", "coin"}, 2, "--oracle is engine262 or majority"},
  };
  for (const BadCommand& command : commands) {
    std::string line;
    for (const std::string& arg : command.args) line += " " + arg;
    SCOPED_TRACE("settle" + line);
    ProcessResult result = settle(command.args, "", {"SETTLE_STORE="});
    EXPECT_EQ(result.exit_code, command.exit_code) << result.err;
    std::vector<std::string> lines = settle_lines(result.err);
    ASSERT_EQ(lines.size(), 1u) << result.err;
    EXPECT_NE(lines.front().find(command.said), std::string::npos) << lines.front();
    EXPECT_TRUE(settle_lines(result.out).empty()) << result.out;
  }
}

// `grep -rn 'settle: ' cli/` finds the one place that prints settle's lines.
TEST(ErrorModel, OnlyOneFileOfCliPrintsSettlesLines) {
  namespace fs = std::filesystem;
  std::vector<std::string> printing;
  for (const auto& entry : fs::directory_iterator(fs::path(SETTLE_SOURCE_DIR) / "cli")) {
    const std::string text = read_file(entry.path().string());
    if (text.find("\"settle: \"") != std::string::npos ||
        text.find("<< \"settle: ") != std::string::npos) {
      printing.push_back(entry.path().filename().string());
    }
  }
  EXPECT_EQ(printing, std::vector<std::string>{"cli_error.cc"});
}

}  // namespace
}  // namespace settle::testing
