#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace settle {

// The first and last id (in id order) of a case file's cases.
struct IdRange {
  std::string first;
  std::string last;
};

// The order in which a run loads its case files: in groups, each group's ids all sorting before
// the next group's. A file whose ids interleave with another's (a.json with a/x and a/z, beside
// a/b.json with a/b/y) shares a group with it, and a group's cases are sorted together; most
// groups are one file.
struct RunOrder {
  std::vector<std::size_t> files;       // indices into the ranges, a group after another
  std::vector<std::size_t> group_ends;  // where each group ends in `files`

  std::size_t groups() const { return group_ends.size(); }
};

// `ranges` are the files' in discovery order (empty for a file without cases, which no group
// holds). Inside a group, files keep that order, which breaks ties between equal ids.
RunOrder run_order(const std::vector<std::optional<IdRange>>& ranges);

}  // namespace settle
