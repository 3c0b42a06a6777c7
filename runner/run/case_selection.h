#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "runner/run/shard.h"

namespace settle {

// Which cases a run takes: those whose full id matches a filter (--filter globs; every case when
// there is none), and of those, with --shard I/N, each whose position in id order, counted from 0,
// is I-1 modulo N: a slice depends only on the ids, so it is the same on every machine and
// whatever -j is, and slices differ by one case at most. It decides a case at a time as the cases
// come in id order, keeping no list.
class CaseSelection {
 public:
  CaseSelection(std::vector<std::string> filters, std::optional<Shard> shard);

  // Whether the filters match `id`, whatever the shard.
  bool matches(const std::string& id) const;
  // Whether the run takes the case `id`. Call it for every case, in id order.
  bool take(const std::string& id);
  // How many cases take() takes when `matching` cases match the filters.
  std::size_t taken_of(std::size_t matching) const;

 private:
  std::vector<std::string> filters_;
  std::optional<Shard> shard_;
  std::size_t matched_ = 0;  // the cases so far that match the filters
};

}  // namespace settle
