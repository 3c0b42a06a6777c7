#include "runner/run/case_selection.h"

#include <fnmatch.h>

#include <algorithm>

namespace settle {

CaseFilter::CaseFilter(std::vector<std::string> filters, std::optional<Shard> shard)
    : filters_(std::move(filters)), shard_(shard) {}

bool CaseFilter::matches(const std::string& id) const {
  return filters_.empty() ||
         std::any_of(filters_.begin(), filters_.end(), [&](const std::string& glob) {
           return fnmatch(glob.c_str(), id.c_str(), 0) == 0;
         });
}

bool CaseFilter::in_shard(std::size_t position) const {
  return !shard_ || position % shard_->count == shard_->index - 1;
}

std::size_t CaseFilter::taken_of(std::size_t matching) const {
  if (!shard_) return matching;
  std::size_t skipped = shard_->index - 1;  // the positions before the shard's first
  return matching <= skipped ? 0 : (matching - skipped + shard_->count - 1) / shard_->count;
}

bool CaseSelection::take(const std::string& id) {
  if (!matches(id)) return false;
  return filter_->in_shard(matched_++);
}

}  // namespace settle
