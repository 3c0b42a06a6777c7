#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace settle {

class ReportWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The run's results, kept in a temporary file for the reports that read them at the end, could
// not be kept or read back: a reporter says which report it could not write.
class ResultsUnreadable : public ReportWriteError {
 public:
  using ReportWriteError::ReportWriteError;
};

class SpillFile;

// Where a report named `path` is written. A symbolic link is followed to the file it names (which
// is replaced, never the link); a character device (/dev/null, /dev/stdout) or a FIFO is written
// to as it is, in place.
struct ReportTarget {
  std::string path;
  bool in_place = false;
};

// Throws ReportWriteError, naming `path`, for a folder, a link to nothing, a socket or a block
// device.
ReportTarget report_target(const std::string& path);

// A file written in parts through a temporary file in the target's folder, flushed to disk and
// renamed over the target by commit(), so a reader sees the old file or the new one, never a
// part. Destroyed without commit() (a write failed, the disk is full), it removes the temporary
// file and leaves the target as it was. A device or a FIFO (report_target) is written in place.
// Every member throws ReportWriteError, naming the path it was given.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::string path);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void write(std::string_view data);
  // Appends `length` bytes of `spill` from `offset`.
  void copy(const SpillFile& spill, std::uint64_t offset, std::uint64_t length);
  void commit();

 private:
  void flush();

  std::string path_;       // as the user gave it, for messages
  std::string temporary_;  // empty when writing in place
  std::string target_;     // what the temporary file replaces
  int fd_ = -1;
  std::string buffer_;
};

// Writes `content` to `path` with an AtomicFileWriter. Throws ReportWriteError.
void write_file_atomically(const std::string& path, const std::string& content);

// Where a reporter keeps what it has been given until the end of the run, instead of memory: a
// temporary file in the folder of `near_path` (the report's), unlinked as soon as it is made, so
// that nothing is left behind even when settle is killed. A failure (no space, a file size limit)
// does not throw: it is kept, the later appends are dropped, and the reporter reports it at the
// end. Not thread-safe.
class SpillFile {
 public:
  explicit SpillFile(const std::string& near_path);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends `data`; returns the offset it starts at.
  std::uint64_t append(std::string_view data);
  std::uint64_t size() const { return size_; }
  // Why the file could not be made or written ("cannot write PATH: ..."), or empty; writes what
  // is buffered first.
  const std::string& error() const;
  // The same without the path: the system's reason.
  const std::string& reason() const;
  // Reads `length` bytes from `offset` into `out` (replacing its content). Throws ReportWriteError.
  void read(std::uint64_t offset, std::uint64_t length, std::string& out) const;

 private:
  void flush() const;

  std::string path_;  // the report's, for messages
  int fd_ = -1;
  std::uint64_t size_ = 0;
  mutable std::string buffer_;  // appended, not yet written
  mutable std::string error_;
  mutable std::string reason_;
};

// Fails early, before any case runs, when a report could not be written to `path` (no folder,
// no permission, a read-only file system, a FIFO no one reads): it makes and removes a temporary
// file in its target's folder. A FIFO it opens stays open for the report's writer, so that its
// reader does not see the end before the report. Throws ReportWriteError.
void check_writable(const std::string& path);

}  // namespace settle
