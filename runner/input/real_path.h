#pragma once

#include <filesystem>
#include <optional>

namespace settle {

// The path with every symlink, `.` and `..` resolved (realpath), or nothing when it does not
// exist or cannot be resolved.
std::optional<std::filesystem::path> real_path(const std::filesystem::path& path);

// Whether `real` (a real path) lies inside the folder `real_folder` (a real path), at any depth.
bool is_inside(const std::filesystem::path& real, const std::filesystem::path& real_folder);

}  // namespace settle
