#include "reports/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace settle {
namespace {

std::string folder_of(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

[[noreturn]] void fail(const std::string& what, const std::string& path, int error) {
  throw ReportWriteError("cannot " + what + " " + path + ": " + std::strerror(error));
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
  std::string temporary =
      folder_of(path) + "/." + std::filesystem::path(path).filename().string() + ".XXXXXX";
  int fd = mkstemp(temporary.data());
  if (fd < 0) fail("create a temporary file for", path, errno);
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      fail("write", path, error);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0 || ::close(fd) != 0) {
    int error = errno;
    ::unlink(temporary.c_str());
    fail("write", path, error);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary.c_str());
    fail("replace", path, error);
  }
}

void check_writable(const std::string& path) {
  std::string folder = folder_of(path);
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    throw ReportWriteError("cannot write " + path + ": the folder " + folder + " does not exist");
  }
  if (::access(folder.c_str(), W_OK) != 0) fail("write to the folder of", path, errno);
  if (std::filesystem::is_directory(path, error)) {
    throw ReportWriteError("cannot write " + path + ": it is a folder");
  }
}

}  // namespace settle
