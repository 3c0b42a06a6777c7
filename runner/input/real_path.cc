#include "runner/input/real_path.h"

#include <system_error>

namespace settle {
namespace fs = std::filesystem;

std::optional<fs::path> real_path(const fs::path& path) {
  std::error_code error;
  fs::path real = fs::canonical(path, error);
  if (error) return std::nullopt;
  return real;
}

bool is_inside(const fs::path& real, const fs::path& real_folder) {
  fs::path relative = real.lexically_relative(real_folder);
  return !relative.empty() && relative != "." && *relative.begin() != "..";
}

}  // namespace settle
