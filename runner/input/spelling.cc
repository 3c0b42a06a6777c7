#include "runner/input/spelling.h"

#include <algorithm>

namespace settle {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic-programming table: the swap of adjacent characters looks two back.
  std::vector<std::size_t> before_previous(b.size() + 1), previous(b.size() + 1),
      current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before_previous[j - 2] + 1);
      }
    }
    before_previous.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& candidates) {
  if (word.empty()) return std::nullopt;
  const std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  const std::string* nearest = nullptr;
  std::size_t nearest_distance = allowed + 1;
  const std::string* extends = nullptr;
  std::size_t extending = 0;
  for (const std::string& candidate : candidates) {
    if (candidate == word) return std::nullopt;
    std::size_t distance = edit_distance(word, candidate);
    if (distance < nearest_distance && distance < word.size()) {
      nearest = &candidate;
      nearest_distance = distance;
    }
    if (candidate.compare(0, word.size(), word) == 0) {
      extends = &candidate;
      ++extending;
    }
  }
  if (nearest) return *nearest;
  if (extending == 1 && word.size() >= 2) return *extends;
  return std::nullopt;
}

}  // namespace settle
