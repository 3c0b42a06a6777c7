#pragma once

// A settle process that an end-to-end test talks to while it runs, and the processes a run
// leaves behind.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "process.h"

namespace settle::testing {

// A settle process that the test talks to while it runs: its output as it comes, signals.
class Spawned {
 public:
  Spawned(std::vector<std::string> argv, const std::string& cwd,
          const std::vector<std::string>& env = {}, std::function<void()> in_child = {}) {
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) ADD_FAILURE() << "pipe";
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(err[1], 2);
      int null_in = open("/dev/null", O_RDONLY);
      dup2(null_in, 0);
      if (chdir(cwd.c_str()) != 0) _exit(126);
      for (const auto& entry : env) putenv(const_cast<char*>(entry.c_str()));
      if (in_child) in_child();
      std::vector<char*> args;
      for (auto& arg : argv) args.push_back(arg.data());
      args.push_back(nullptr);
      execvp(args[0], args.data());
      _exit(127);
    }
    close(out[1]);
    close(err[1]);
    fds_[0] = out[0];
    fds_[1] = err[0];
  }
  ~Spawned() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      wait();
    }
  }

  // Reads until stdout holds `marker` or the process closes it; whether the marker came.
  bool wait_for_output(const std::string& marker) {
    while (out_.find(marker) == std::string::npos) {
      if (!read_some()) return out_.find(marker) != std::string::npos;
    }
    return true;
  }

  void signal(int number) { kill(pid_, number); }

  // Reads the rest of the output and waits for the end: the exit status (128 + a signal's).
  int wait() {
    while (read_some()) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  // Reads what either pipe has; false once both are closed.
  bool read_some() {
    pollfd fds[2] = {{fds_[0], POLLIN, 0}, {fds_[1], POLLIN, 0}};
    if (fds_[0] < 0 && fds_[1] < 0) return false;
    if (poll(fds, 2, -1) < 0) return true;
    char buffer[65536];
    for (int i = 0; i < 2; ++i) {
      if (fds_[i] < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds_[i], buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? out_ : err_).append(buffer, static_cast<std::size_t>(n));
      } else {
        close(fds_[i]);
        fds_[i] = -1;
      }
    }
    return true;
  }

  pid_t pid_ = -1;
  bool reaped_ = false;
  int fds_[2] = {-1, -1};
  std::string out_, err_;
};

// The processes whose command line or environment names `text`: the engine processes of a run
// whose TMPDIR is the test's folder hold their driver there, and every process the run starts,
// settle's own Duktape workers included, inherits that TMPDIR.
inline std::vector<std::string> processes_naming(const std::string& text) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string command = read_file(entry.path().string() + "/cmdline");
    std::string environment = read_file(entry.path().string() + "/environ");
    if (command.empty()) continue;  // a zombie, or a process gone since the listing
    std::replace(command.begin(), command.end(), '\0', ' ');
    if (command.find(text) != std::string::npos ||
        environment.find("TMPDIR=" + text + std::string(1, '\0')) != std::string::npos) {
      found.push_back(name + ": " + command);
    }
  }
  return found;
}

}  // namespace settle::testing
