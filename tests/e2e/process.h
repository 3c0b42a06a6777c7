#pragma once

#include <string>
#include <vector>

namespace settle::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed by one
  std::string out;
  std::string err;
};

// Runs argv[0] (found on PATH when it has no slash) with the rest as arguments, in `cwd` when
// given, with `extra_env` (NAME=value) added; waits and returns its output and exit status.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = "",
                          const std::vector<std::string>& extra_env = {});

// A fresh folder under the system's temporary folder, removed with its content on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes `content` to `name` (folders created) and returns the file's path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

std::string read_file(const std::string& path);

}  // namespace settle::testing
