#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// The number of single-character insertions, deletions, substitutions and swaps of two adjacent
// characters that turn `a` into `b` (the optimal-string-alignment distance): "rn" is 1 from "run",
// "ndoe" 1 from "node".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate that `word` most likely misspells, for a "did you mean" hint: the nearest by
// edit_distance when it is close enough for the word's length (at most 1 edit up to 5 characters,
// 2 up to 8, 3 beyond; never the whole word), else the only candidate that starts with `word` (of
// 2 characters or more); nothing when none fits or `word` is a candidate itself. Ties go to the
// earlier candidate.
std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& candidates);

}  // namespace settle
