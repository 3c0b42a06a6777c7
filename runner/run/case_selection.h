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
// whatever -j is, and slices differ by one case at most. It is the run's plan, read by every pass
// over the cases; a pass counts positions with a CaseSelection.
class CaseFilter {
 public:
  CaseFilter(std::vector<std::string> filters, std::optional<Shard> shard);

  // Whether the filters match `id`, whatever the shard.
  bool matches(const std::string& id) const;
  // Whether the case at `position` among those that match (from 0) is in the shard.
  bool in_shard(std::size_t position) const;
  // How many cases the run takes when `matching` cases match the filters.
  std::size_t taken_of(std::size_t matching) const;

 private:
  std::vector<std::string> filters_;
  std::optional<Shard> shard_;
};

// One pass over the cases in id order, deciding each by a filter. It keeps no list: only the
// count of matches so far, which the shard needs.
class CaseSelection {
 public:
  explicit CaseSelection(const CaseFilter& filter) : filter_(&filter) {}

  // Whether the filters match `id`, whatever the shard.
  bool matches(const std::string& id) const { return filter_->matches(id); }
  // Whether the run takes the case `id`. Call it for every case, in id order.
  bool take(const std::string& id);

 private:
  const CaseFilter* filter_;  // the run's, which outlives every pass
  std::size_t matched_ = 0;   // the cases so far that match the filters
};

}  // namespace settle
