#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "runner/gate/report_reader.h"

namespace settle {

// Reports that cannot be joined: overlapping results, a missing or repeated shard.
class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Joins reports (the shards of one run, or runs of disjoint cases or engines) into the report one
// run of them all would have written: results in id, then engine, order; engines by name; load
// errors once each; the earliest start; complete only when every part is; the settings of the
// first part without its shard. When the parts are shards (settings.shard "I/N"), all N must be
// there, once each. Throws MergeError.
LoadedReport merge_reports(std::vector<LoadedReport> parts);

}  // namespace settle
