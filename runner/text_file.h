#pragma once

#include <optional>
#include <string>

namespace settle {

// The whole content of a file, or nothing when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace settle
