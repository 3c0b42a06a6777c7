#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace settle {

struct ResourceLimits {
  std::size_t address_space_mb = 0;  // RLIMIT_AS; 0: none
  std::size_t data_mb = 0;           // RLIMIT_DATA; 0: none
};

// An engine shell run as a real process (never through a shell), talking over pipes: its stdin
// takes requests, its stdout is read line by line, the tail of its stderr is kept for messages.
class ChildProcess {
 public:
  // kInterrupted: the run was interrupted (runner/run/interrupt.h) while waiting.
  enum class Read { kLine, kTimeout, kEnded, kTooLong, kInterrupted };

  // Throws std::runtime_error when the process cannot be started.
  ChildProcess(const std::vector<std::string>& argv, const ResourceLimits& limits);
  ~ChildProcess();  // kills and reaps
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Writes all of `data`; false when the process no longer reads (it has ended).
  bool write_all(const std::string& data);
  // Ends the process's input (for a shell that reads its whole script from stdin).
  void close_stdin() { close_fd(stdin_fd_); }

  // Reads the next line of stdout (without its newline) until `deadline`. A line longer than
  // `max_line` bytes ends the read with kTooLong; an interrupted run ends it at once.
  Read read_line(std::string* line, std::chrono::steady_clock::time_point deadline,
                 std::size_t max_line);

  // Kills the process (SIGKILL) if it still runs, and waits for it.
  void kill();
  // How the process ended, e.g. "exited with status 1" or "was killed by signal 11 (Segmentation
  // fault)"; waits for it to end.
  std::string exit_description();
  // The last few KiB the process wrote to stderr.
  const std::string& stderr_tail() const { return stderr_tail_; }
  std::size_t stdout_bytes() const { return stdout_bytes_; }

 private:
  void read_stderr();
  void close_fd(int& fd);

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  int status_ = 0;
  bool reaped_ = false;
  bool group_ended_ = false;
  std::string pending_;      // stdout read but not yet returned as a line
  std::size_t scanned_ = 0;  // how much of pending_ is known to hold no newline
  std::string stderr_tail_;
  std::size_t stdout_bytes_ = 0;
};

}  // namespace settle
