#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace settle {

// The texts of a run's case files as they were validated, kept in a temporary file instead of
// memory, so that the run loads each file's cases again from what it checked, whatever happens to
// the file since (edited, removed). The file is in TMPDIR, unlinked as soon as it is made; when it
// cannot be made or written (no space), the texts stay in memory: the run is as it would be, only
// bigger. A text that cannot be read back (an I/O error) throws std::runtime_error. Not
// thread-safe.
class CaseSnapshot {
 public:
  struct Span {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };

  CaseSnapshot();
  ~CaseSnapshot();
  CaseSnapshot(const CaseSnapshot&) = delete;
  CaseSnapshot& operator=(const CaseSnapshot&) = delete;

  Span add(std::string_view text);
  std::string text(Span span) const;

 private:
  void flush() const;
  void keep_in_memory() const;

  mutable int fd_ = -1;
  std::uint64_t size_ = 0;
  mutable std::uint64_t written_ = 0;  // to the file; the rest is in buffer_
  mutable std::string buffer_;         // what is not written yet, or everything once in memory
};

}  // namespace settle
