#include "runner/input/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace settle {
namespace {

// What a file that is not a regular one is, for the message.
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 30) && bytes % (std::uint64_t{1} << 30) == 0) {
    return std::to_string(bytes >> 30) + " GiB";
  }
  return std::to_string(bytes) + " bytes";
}

// Closes a file descriptor when it goes out of scope.
struct OpenFile {
  int fd;
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, std::string* why,
                                          std::uint64_t max_bytes) {
  auto fail = [&](std::string reason) -> std::optional<std::string> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO that no one writes to would wait for a writer.
  OpenFile file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) return fail(std::strerror(errno));
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) return fail(std::strerror(errno));
  if (S_ISDIR(status.st_mode)) return fail("it is a folder");
  if (!S_ISREG(status.st_mode)) {
    return fail(std::string("it is ") + kind_of(status.st_mode) + ", not a regular file");
  }
  const std::string too_large = "it is larger than " + size_text(max_bytes);
  if (static_cast<std::uint64_t>(status.st_size) > max_bytes) return fail(too_large);
  std::string text;
  text.reserve(static_cast<std::size_t>(status.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t got = ::read(file.fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(std::strerror(errno));
    if (got == 0) return text;
    // A file that grows as it is read (or that says it is empty, as /proc's do) stops at the cap.
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) return fail(too_large);
    text.append(buffer, static_cast<std::size_t>(got));
  }
}

}  // namespace settle
