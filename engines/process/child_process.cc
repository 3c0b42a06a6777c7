#include "engines/process/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "runner/run/interrupt.h"

namespace settle {
namespace {

constexpr std::size_t kStderrTail = 4096;

void set_limit(int resource, std::size_t megabytes) {
  if (megabytes == 0) return;
  rlimit limit{};
  limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(megabytes) << 20;
  setrlimit(resource, &limit);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const ResourceLimits& limits) {
  int in[2], out[2], err[2], exec_error[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 ||
      pipe2(exec_error, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("cannot make pipes: ") + std::strerror(errno));
  }
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error(std::string("cannot fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    // The child: only async-signal-safe calls from here to exec.
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    setpgid(0, 0);                     // its own process group, so a kill reaches what it starts
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // and it ends with settle, even in an endless loop
    set_limit(RLIMIT_AS, limits.address_space_mb);
    set_limit(RLIMIT_DATA, limits.data_mb);
    signal(SIGPIPE, SIG_DFL);
    execvp(args[0], args.data());
    int error = errno;
    (void)!::write(exec_error[1], &error, sizeof error);
    _exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  ::close(exec_error[1]);
  stdin_fd_ = in[1];
  stdout_fd_ = out[0];
  stderr_fd_ = err[0];
  int error = 0;
  ssize_t got = ::read(exec_error[0], &error, sizeof error);
  ::close(exec_error[0]);
  if (got == sizeof error) {
    kill();
    throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(error));
  }
  fcntl(stdout_fd_, F_SETFL, O_NONBLOCK);
  fcntl(stderr_fd_, F_SETFL, O_NONBLOCK);
}

ChildProcess::~ChildProcess() {
  kill();
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  close_fd(stderr_fd_);
}

void ChildProcess::close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

bool ChildProcess::write_all(const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(stdin_fd_, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // EPIPE: SIGPIPE is ignored by the runner
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void ChildProcess::read_stderr() {
  char buffer[4096];
  while (stderr_fd_ >= 0) {
    ssize_t n = ::read(stderr_fd_, buffer, sizeof buffer);
    if (n > 0) {
      stderr_tail_.append(buffer, static_cast<std::size_t>(n));
      if (stderr_tail_.size() > kStderrTail)
        stderr_tail_.erase(0, stderr_tail_.size() - kStderrTail);
    } else if (n == 0) {
      close_fd(stderr_fd_);
    } else {
      return;  // EAGAIN
    }
  }
}

ChildProcess::Read ChildProcess::read_line(std::string* line,
                                           std::chrono::steady_clock::time_point deadline,
                                           std::size_t max_line) {
  char buffer[65536];
  while (true) {
    auto newline = pending_.find('\n', scanned_);
    if (newline != std::string::npos) {
      line->assign(pending_, 0, newline);
      pending_.erase(0, newline + 1);
      scanned_ = 0;
      return Read::kLine;
    }
    scanned_ = pending_.size();  // a long line is searched once, not at every read
    if (pending_.size() > max_line) {
      pending_.clear();
      scanned_ = 0;
      return Read::kTooLong;
    }
    if (stdout_fd_ < 0) return Read::kEnded;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Read::kTimeout;
    if (interrupted()) return Read::kInterrupted;
    pollfd fds[3] = {{stdout_fd_, POLLIN, 0}, {interrupt_fd(), POLLIN, 0}, {stderr_fd_, POLLIN, 0}};
    int ready = poll(fds, stderr_fd_ >= 0 ? 3 : 2,
                     static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) return Read::kEnded;
    if (interrupted()) return Read::kInterrupted;
    if (stderr_fd_ >= 0 && (fds[2].revents & (POLLIN | POLLHUP))) read_stderr();
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = ::read(stdout_fd_, buffer, sizeof buffer);
      if (n > 0) {
        pending_.append(buffer, static_cast<std::size_t>(n));
        stdout_bytes_ += static_cast<std::size_t>(n);
      } else if (n == 0) {
        close_fd(stdout_fd_);
      }
    }
  }
}

void ChildProcess::kill() {
  if (pid_ <= 0 || group_ended_) return;
  // What it started is in its process group and can outlive it (a browser that a bridge started),
  // so the group is ended even when the process itself has already exited and been reaped.
  ::kill(-pid_, SIGKILL);
  group_ended_ = true;
  if (reaped_) return;
  ::kill(pid_, SIGKILL);
  while (waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
}

std::string ChildProcess::exit_description() {
  if (!reaped_) {
    // Its stdout has closed; give it a moment to exit on its own before forcing it.
    for (int i = 0; i < 100 && !reaped_; ++i) {
      if (waitpid(pid_, &status_, WNOHANG) == pid_)
        reaped_ = true;
      else
        usleep(2000);
    }
    kill();
  }
  read_stderr();
  if (WIFEXITED(status_)) return "exited with status " + std::to_string(WEXITSTATUS(status_));
  if (WIFSIGNALED(status_)) {
    int signal_number = WTERMSIG(status_);
    return "was killed by signal " + std::to_string(signal_number) + " (" +
           strsignal(signal_number) + ")";
  }
  return "ended";
}

}  // namespace settle
