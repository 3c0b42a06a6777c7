#pragma once

#include <stdexcept>
#include <string>

namespace settle {

class ReportWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `content` to `path` through a temporary file in the same folder, flushed to disk and
// renamed over the target, so a reader sees the old file or the new one, never a part.
// Throws ReportWriteError.
void write_file_atomically(const std::string& path, const std::string& content);

// Fails early, before any case runs, when a report could not be written to `path` (no folder,
// no permission). Throws ReportWriteError.
void check_writable(const std::string& path);

}  // namespace settle
