#include "reports/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

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

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
  temporary_ = temporary_pattern(path_);
  fd_ = mkstemp(temporary_.data());
  if (fd_ < 0) fail("create a temporary file for", path_, errno);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temporary_.c_str());
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
  if (::fchmod(fd_, 0644) != 0 || ::fsync(fd_) != 0) fail("write", path_, errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temporary_.c_str());
    fail("write", path_, error);
  }
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
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
  std::string temporary = temporary_pattern(near_path);
  fd_ = mkstemp(temporary.data());
  if (fd_ < 0) {
    error_ = "cannot create a temporary file for " + near_path + ": " + std::strerror(errno);
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
  if (error != 0) error_ = "cannot write " + path_ + ": " + std::strerror(error);
}

const std::string& SpillFile::error() const {
  flush();
  return error_;
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
  if (std::filesystem::is_directory(path, error)) {
    throw ReportWriteError("cannot write " + path + ": it is a folder");
  }
  // Whether a file can be made there is only known by making one (access() says yes to root on a
  // read-only file system, and knows nothing of quotas).
  std::string probe = temporary_pattern(path);
  int fd = mkstemp(probe.data());
  if (fd < 0) fail("write to the folder of", path, errno);
  ::close(fd);
  ::unlink(probe.c_str());
}

}  // namespace settle
