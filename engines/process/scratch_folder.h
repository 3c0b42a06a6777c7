#pragma once

#include <filesystem>

namespace settle {

// A private folder (mode 0700) that an engine process may write into: a profile's `{scratch}`.
// It is emptied after each case and removed with the object.
class ScratchFolder {
 public:
  // Makes a new folder in `parent`. Throws std::runtime_error when it cannot.
  explicit ScratchFolder(const std::filesystem::path& parent);
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Removes everything in it, leaving the folder.
  void empty();

 private:
  std::filesystem::path path_;
};

}  // namespace settle
