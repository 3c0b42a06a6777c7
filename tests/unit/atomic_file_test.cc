#include "reports/atomic_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace settle {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("settle_atomic_file_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string path(const std::string& name) const { return (folder_ / name).string(); }

  static std::string read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path folder_;
};

TEST_F(AtomicFileTest, WritesTheContent) {
  write_file_atomically(path("report.json"), "{\"a\": 1}\n");
  EXPECT_EQ(read(path("report.json")), "{\"a\": 1}\n");
}

TEST_F(AtomicFileTest, WritesBinaryContentExactly) {
  std::string content("a\0b\r\n\xFF", 6);
  write_file_atomically(path("data"), content);
  EXPECT_EQ(read(path("data")), content);
}

TEST_F(AtomicFileTest, WritesAnEmptyFile) {
  write_file_atomically(path("empty"), "");
  EXPECT_TRUE(fs::is_regular_file(path("empty")));
  EXPECT_EQ(fs::file_size(path("empty")), 0u);
}

TEST_F(AtomicFileTest, WritesALargeFile) {
  std::string content(3 << 20, 'x');
  content.back() = 'y';
  write_file_atomically(path("large"), content);
  EXPECT_EQ(read(path("large")), content);
}

TEST_F(AtomicFileTest, ReplacesAnExistingLongerFile) {
  std::ofstream(path("report.xml")) << "old content that is longer than the new one";
  write_file_atomically(path("report.xml"), "new");
  EXPECT_EQ(read(path("report.xml")), "new");
}

TEST_F(AtomicFileTest, LeavesNoTemporaryFileAfterSuccess) {
  write_file_atomically(path("a.json"), "1");
  write_file_atomically(path("a.json"), "2");
  write_file_atomically(path("b.xml"), "3");
  EXPECT_EQ(entries(), (std::vector<std::string>{"a.json", "b.xml"}));
}

TEST_F(AtomicFileTest, WrittenFileIsReadableByOthers) {
  write_file_atomically(path("report.json"), "x");
  struct stat info {};
  ASSERT_EQ(::stat(path("report.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644u);
}

TEST_F(AtomicFileTest, RelativePathInTheCurrentFolderIsWritten) {
  fs::path previous = fs::current_path();
  fs::current_path(folder_);
  write_file_atomically("here.json", "h");
  check_writable("here.json");
  fs::current_path(previous);
  EXPECT_EQ(read(path("here.json")), "h");
  EXPECT_EQ(entries(), (std::vector<std::string>{"here.json"}));
}

TEST_F(AtomicFileTest, MissingFolderFailsTheWriteAndLeavesNothing) {
  std::string target = path("no-such-folder/report.json");
  EXPECT_THROW(write_file_atomically(target, "x"), ReportWriteError);
  EXPECT_FALSE(fs::exists(path("no-such-folder")));
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFileTest, MissingFolderWriteErrorNamesThePath) {
  std::string target = path("no-such-folder/report.json");
  try {
    write_file_atomically(target, "x");
    FAIL() << "no exception";
  } catch (const ReportWriteError& error) {
    EXPECT_NE(std::string(error.what()).find(target), std::string::npos) << error.what();
  }
}

TEST_F(AtomicFileTest, CheckWritableRejectsAMissingFolder) {
  std::string target = path("no-such-folder/report.json");
  try {
    check_writable(target);
    FAIL() << "no exception";
  } catch (const ReportWriteError& error) {
    EXPECT_NE(std::string(error.what()).find("does not exist"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFileTest, CheckWritableAcceptsAnExistingFolderAndCreatesNothing) {
  EXPECT_NO_THROW(check_writable(path("report.json")));
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFileTest, CheckWritableRejectsAFolderAsTarget) {
  fs::create_directory(path("sub"));
  EXPECT_THROW(check_writable(path("sub")), ReportWriteError);
}

TEST_F(AtomicFileTest, CheckWritableRejectsAReadOnlyFolder) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can write to read-only folders";
  fs::create_directory(path("locked"));
  fs::permissions(path("locked"), fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_THROW(check_writable(path("locked/report.json")), ReportWriteError);
  EXPECT_THROW(write_file_atomically(path("locked/report.json"), "x"), ReportWriteError);
  fs::permissions(path("locked"), fs::perms::owner_all);
  EXPECT_TRUE(fs::is_empty(path("locked")));
}

TEST_F(AtomicFileTest, CheckWritableRejectsAFileSystemThatMakesNoFiles) {
  // Even root cannot make a file in /proc, though access() says it may write there.
  EXPECT_THROW(check_writable("/proc/settle-report.json"), ReportWriteError);
}

TEST_F(AtomicFileTest, AWriterWrittenInPartsReplacesTheTargetOnlyOnCommit) {
  std::ofstream(path("report.json")) << "old";
  {
    AtomicFileWriter writer(path("report.json"));
    writer.write("new ");
    writer.write(std::string(3 << 20, 'x'));
    EXPECT_EQ(read(path("report.json")), "old") << "not before commit()";
    writer.commit();
  }
  EXPECT_EQ(read(path("report.json")).substr(0, 5), "new x");
  EXPECT_EQ(fs::file_size(path("report.json")), 4u + (3u << 20));
  EXPECT_EQ(entries(), (std::vector<std::string>{"report.json"}));
}

TEST_F(AtomicFileTest, AWriterNeverCommittedLeavesTheTargetAndNoTemporary) {
  std::ofstream(path("report.json")) << "old";
  {
    AtomicFileWriter writer(path("report.json"));
    writer.write(std::string(3 << 20, 'x'));
  }  // a failure elsewhere: destroyed without commit()
  EXPECT_EQ(read(path("report.json")), "old");
  EXPECT_EQ(entries(), (std::vector<std::string>{"report.json"}));
}

TEST_F(AtomicFileTest, ASpillFileGivesBackWhatWasAppendedAndIsNeverSeenInTheFolder) {
  SpillFile spill(path("report.json"));
  EXPECT_EQ(spill.append("first,"), 0u);
  std::string big(3 << 20, 'b');
  EXPECT_EQ(spill.append(big), 6u);
  EXPECT_EQ(spill.append(",last"), 6u + big.size());
  EXPECT_TRUE(entries().empty()) << "unlinked as soon as it is made";
  std::string out;
  spill.read(0, 6, out);
  EXPECT_EQ(out, "first,");
  spill.read(6 + big.size(), 5, out);
  EXPECT_EQ(out, ",last");
  AtomicFileWriter writer(path("copy"));
  writer.copy(spill, 0, spill.size());
  writer.commit();
  EXPECT_EQ(read(path("copy")), "first," + big + ",last");
  EXPECT_TRUE(spill.error().empty());
}

TEST_F(AtomicFileTest, ASpillFileInAMissingFolderKeepsItsErrorForTheEnd) {
  SpillFile spill(path("no-such-folder/report.json"));
  spill.append("dropped");
  EXPECT_NE(spill.error().find("no-such-folder"), std::string::npos) << spill.error();
  std::string out;
  EXPECT_THROW(spill.read(0, 1, out), ReportWriteError);
}

TEST_F(AtomicFileTest, WritingOverAFolderFailsAndLeavesNoTemporary) {
  fs::create_directory(path("sub"));
  EXPECT_THROW(write_file_atomically(path("sub"), "x"), ReportWriteError);
  EXPECT_EQ(entries(), (std::vector<std::string>{"sub"}));
  EXPECT_TRUE(fs::is_directory(path("sub")));
}

// A link is written through, never replaced: the file it names gets the content, and the
// temporary file is made beside that file, not beside the link.
TEST_F(AtomicFileTest, ALinkIsWrittenThroughToTheFileItNames) {
  fs::create_directory(path("real"));
  write_file_atomically(path("real/target"), "old");
  fs::create_symlink(path("real/target"), path("link"));
  write_file_atomically(path("link"), "new");
  EXPECT_TRUE(fs::is_symlink(path("link")));
  EXPECT_EQ(read(path("real/target")), "new");
  EXPECT_EQ(entries(), (std::vector<std::string>{"link", "real"}));
  EXPECT_EQ(report_target(path("link")).path, fs::canonical(path("real/target")).string());
}

TEST_F(AtomicFileTest, ALinkToNothingIsRefusedAndLeftAsItIs) {
  fs::create_symlink(path("nowhere/target"), path("link"));
  EXPECT_THROW(check_writable(path("link")), ReportWriteError);
  EXPECT_THROW(write_file_atomically(path("link"), "x"), ReportWriteError);
  EXPECT_TRUE(fs::is_symlink(path("link")));
  EXPECT_EQ(entries(), (std::vector<std::string>{"link"}));
}

TEST_F(AtomicFileTest, AFifoIsWrittenInPlaceAndAFifoThatNothingReadsIsRefused) {
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  EXPECT_TRUE(report_target(path("fifo")).in_place);
  try {
    write_file_atomically(path("fifo"), "x");
    ADD_FAILURE() << "wrote to a FIFO that nothing reads";
  } catch (const ReportWriteError& error) {
    EXPECT_NE(std::string(error.what()).find("fifo: it is a FIFO that nothing reads"),
              std::string::npos)
        << error.what();
  }
  int reader = ::open(path("fifo").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  write_file_atomically(path("fifo"), "through the FIFO");
  char buffer[64] = {};
  ssize_t got = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  EXPECT_EQ(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0), "through the FIFO");
  EXPECT_EQ(fs::status(path("fifo")).type(), fs::file_type::fifo);
  EXPECT_EQ(entries(), (std::vector<std::string>{"fifo"}));
}

TEST_F(AtomicFileTest, ACharacterDeviceIsWrittenInPlace) {
  EXPECT_TRUE(report_target("/dev/null").in_place);
  EXPECT_NO_THROW(check_writable("/dev/null"));
}

}  // namespace
}  // namespace settle
