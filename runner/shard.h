#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "runner/model/case.h"

namespace settle {

// One of N deterministic slices of the selected cases (--shard I/N), for CI matrices.
struct Shard {
  std::size_t index = 1;  // 1-based
  std::size_t count = 1;

  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Reads "I/N" with 1 <= I <= N; empty when the text is not that.
std::optional<Shard> parse_shard(const std::string& text);

// The shard's cases: every case whose position in id order, counted from 0, is I-1 modulo N.
// It depends only on the ids, so it is the same on every machine and whatever -j is, and shard
// sizes differ by one case at most. `cases` must be in id order (select_cases gives them so).
std::vector<const Case*> take_shard(const std::vector<const Case*>& cases, Shard shard);

}  // namespace settle
