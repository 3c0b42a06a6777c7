#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace settle {

// One of N deterministic slices of the selected cases (--shard I/N), for CI matrices: which
// cases it takes is runner/run/case_selection.h's job.
struct Shard {
  std::size_t index = 1;  // 1-based
  std::size_t count = 1;

  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Reads "I/N" with 1 <= I <= N; empty when the text is not that.
std::optional<Shard> parse_shard(const std::string& text);

}  // namespace settle
