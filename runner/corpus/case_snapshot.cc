#include "runner/corpus/case_snapshot.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace settle {
namespace {

constexpr std::size_t kBufferBytes = 256u << 10;

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

bool read_all(int fd, std::uint64_t offset, char* data, std::size_t size) {
  while (size > 0) {
    ssize_t got = ::pread(fd, data, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    data += got;
    offset += static_cast<std::uint64_t>(got);
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

[[noreturn]] void throw_unreadable() {
  throw std::runtime_error(std::string("the case files' copy in TMPDIR cannot be read back: ") +
                           std::strerror(errno));
}

}  // namespace

CaseSnapshot::CaseSnapshot() {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::temp_directory_path(error);
  if (error) folder = "/tmp";
  std::string name = (folder / ".settle-cases.XXXXXX").string();
  fd_ = mkstemp(name.data());
  if (fd_ >= 0) ::unlink(name.c_str());
}

CaseSnapshot::~CaseSnapshot() {
  if (fd_ >= 0) ::close(fd_);
}

CaseSnapshot::Span CaseSnapshot::add(std::string_view text) {
  Span span{size_, text.size()};
  buffer_.append(text);
  size_ += text.size();
  if (fd_ >= 0 && buffer_.size() >= kBufferBytes) flush();
  return span;
}

std::string CaseSnapshot::text(Span span) const {
  if (fd_ >= 0 && span.offset + span.size > written_) flush();
  if (fd_ < 0) return buffer_.substr(span.offset, span.size);
  std::string text(span.size, '\0');
  if (!read_all(fd_, span.offset, text.data(), text.size())) throw_unreadable();
  return text;
}

void CaseSnapshot::flush() const {
  if (write_all(fd_, buffer_.data(), buffer_.size())) {
    written_ += buffer_.size();
    std::string().swap(buffer_);  // not kept for the whole run
  } else {
    keep_in_memory();
  }
}

// Reads back what the file has and keeps everything in memory from now on.
void CaseSnapshot::keep_in_memory() const {
  std::string all(written_, '\0');
  if (!read_all(fd_, 0, all.data(), all.size())) throw_unreadable();
  ::close(fd_);
  fd_ = -1;
  buffer_ = all + buffer_;
  written_ = 0;
}

}  // namespace settle
