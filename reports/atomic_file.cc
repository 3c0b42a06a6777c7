#include "reports/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

namespace settle {
namespace {

constexpr std::size_t kBufferBytes = 256u << 10;

std::string folder_of(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

std::string temporary_pattern(const std::string& path) {
  return folder_of(path) + "/." + std::filesystem::path(path).filename().string() + ".XXXXXX";
}

[[noreturn]] void fail(const std::string& what, const std::string& path, int error) {
  throw ReportWriteError("cannot " + what + " " + path + ": " + std::strerror(error));
}

// Writes all of `data` to `fd`; the errno of a failure, or 0.
int write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return written < 0 ? errno : EIO;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return 0;
}

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Opens a device or a FIFO to write to it as it is; a FIFO that no one reads is refused rather
// than waited on.
int open_in_place(const std::string& path, const std::string& target) {
  int fd = ::open(target.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0 && errno == ENXIO) {
    throw ReportWriteError("cannot write " + path + ": it is a FIFO that nothing reads");
  }
  if (fd < 0) fail("write", path, errno);
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

// FIFOs that check_writable opened, by target path, kept open for their AtomicFileWriter: closing
// one between the check and the report would end the reader's input before the report came.
std::mutex g_fifos_lock;
std::map<std::string, int>& held_fifos() {
  static std::map<std::string, int> fifos;
  return fifos;
}

int take_held_fifo(const std::string& target) {
  std::lock_guard<std::mutex> lock(g_fifos_lock);
  auto held = held_fifos().find(target);
  if (held == held_fifos().end()) return -1;
  int fd = held->second;
  held_fifos().erase(held);
  return fd;
}

}  // namespace

ReportTarget report_target(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    if (errno == ENOENT) return {path, false};
    fail("write", path, errno);
  }
  ReportTarget target{path, false};
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {  // follows links
    throw ReportWriteError("cannot write " + path + ": it is a symbolic link to nothing (" +
                           std::strerror(errno) + "); settle writes through a link, never over it");
  }
  if (S_ISLNK(link.st_mode) && S_ISREG(status.st_mode)) {
    // /dev/stdout's link to a pipe has no path to resolve; a regular file's has.
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (!resolved) fail("write", path, errno);
    target.path = resolved;
    std::free(resolved);
  }
  if (S_ISREG(status.st_mode)) return target;
  if (S_ISCHR(status.st_mode) || S_ISFIFO(status.st_mode)) {
    target.in_place = true;
    return target;
  }
  throw ReportWriteError("cannot write " + path + ": it is " + kind_of(status.st_mode));
}

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
  ReportTarget target = report_target(path_);
  target_ = target.path;
  if (target.in_place) {
    fd_ = take_held_fifo(target_);
    if (fd_ < 0) fd_ = open_in_place(path_, target_);
    return;
  }
  temporary_ = temporary_pattern(target_);
  fd_ = mkstemp(temporary_.data());
  if (fd_ < 0) fail("create a temporary file for", path_, errno);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
  }
}

void AtomicFileWriter::flush() {
  if (buffer_.empty()) return;
  int error = write_all(fd_, buffer_.data(), buffer_.size());
  buffer_.clear();
  if (error != 0) fail("write", path_, error);
}

void AtomicFileWriter::write(std::string_view data) {
  if (fd_ < 0) throw ReportWriteError("cannot write " + path_ + ": already written");
  buffer_.append(data);
  if (buffer_.size() >= kBufferBytes) flush();
}

void AtomicFileWriter::copy(const SpillFile& spill, std::uint64_t offset, std::uint64_t length) {
  std::string chunk;
  while (length > 0) {
    std::uint64_t part = std::min<std::uint64_t>(length, kBufferBytes);
    spill.read(offset, part, chunk);
    write(chunk);
    offset += part;
    length -= part;
  }
}

void AtomicFileWriter::commit() {
  flush();
  if (temporary_.empty()) {  // a device or a FIFO, written in place: nothing to sync or rename
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("write", path_, errno);
    return;
  }
  if (::fchmod(fd_, 0644) != 0 || ::fsync(fd_) != 0) fail("write", path_, errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temporary_.c_str());
    fail("write", path_, error);
  }
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary_.c_str());
    fail("replace", path_, error);
  }
}

void write_file_atomically(const std::string& path, const std::string& content) {
  AtomicFileWriter writer(path);
  writer.write(content);
  writer.commit();
}

SpillFile::SpillFile(const std::string& near_path) : path_(near_path) {
  // Beside the file the report replaces; for a device or a FIFO, in TMPDIR.
  std::string place = near_path;
  try {
    ReportTarget target = report_target(near_path);
    place = target.in_place ? (std::filesystem::temp_directory_path() / "settle-report").string()
                            : target.path;
  } catch (const std::exception&) {  // AtomicFileWriter says why when the report is written
  }
  std::string temporary = temporary_pattern(place);
  fd_ = mkstemp(temporary.data());
  if (fd_ < 0) {
    reason_ = std::strerror(errno);
    error_ = "cannot create a temporary file for " + near_path + ": " + reason_;
    return;
  }
  ::unlink(temporary.c_str());
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillFile::flush() const {
  if (buffer_.empty() || !error_.empty()) {
    buffer_.clear();
    return;
  }
  int error = write_all(fd_, buffer_.data(), buffer_.size());
  buffer_.clear();
  if (error != 0) {
    reason_ = std::strerror(error);
    error_ = "cannot write " + path_ + ": " + reason_;
  }
}

const std::string& SpillFile::error() const {
  flush();
  return error_;
}

const std::string& SpillFile::reason() const {
  flush();
  return reason_;
}

std::uint64_t SpillFile::append(std::string_view data) {
  std::uint64_t offset = size_;
  if (!error_.empty()) return offset;
  buffer_.append(data);
  size_ += data.size();
  if (buffer_.size() >= kBufferBytes) flush();
  return offset;
}

void SpillFile::read(std::uint64_t offset, std::uint64_t length, std::string& out) const {
  flush();
  if (!error_.empty()) throw ReportWriteError(error_);
  out.resize(length);
  std::uint64_t done = 0;
  while (done < length) {
    ssize_t got = ::pread(fd_, out.data() + done, length - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      throw ReportWriteError("cannot write " + path_ + ": its temporary file cannot be read: " +
                             (got < 0 ? std::strerror(errno) : "it is shorter"));
    }
    done += static_cast<std::uint64_t>(got);
  }
}

void check_writable(const std::string& path) {
  std::string folder = folder_of(path);
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    throw ReportWriteError("cannot write " + path + ": the folder " + folder + " does not exist");
  }
  ReportTarget target = report_target(path);
  if (target.in_place) {
    struct stat status {};
    if (::stat(target.path.c_str(), &status) == 0 && S_ISFIFO(status.st_mode)) {
      int fd = open_in_place(path, target.path);  // refuses a FIFO that nothing reads
      std::lock_guard<std::mutex> lock(g_fifos_lock);
      auto [held, fresh] = held_fifos().emplace(target.path, fd);
      if (!fresh) ::close(fd);
      return;
    }
    if (::access(target.path.c_str(), W_OK) != 0) fail("write", path, errno);
    return;
  }
  // Whether a file can be made there is only known by making one (access() says yes to root on a
  // read-only file system, and knows nothing of quotas).
  std::string probe = temporary_pattern(target.path);
  int fd = mkstemp(probe.data());
  if (fd < 0) fail("write to the folder of", path, errno);
  ::close(fd);
  ::unlink(probe.c_str());
}

}  // namespace settle
