#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "reports/atomic_file.h"
#include "reports/result_record.h"

namespace settle {

// A run's results, kept in one spill file instead of memory for the reporters that need every
// result at their end(): the console's engine matrix, the Markdown and HTML reports. The reporter
// set adds each result as it comes (in final order: by id, then engine); a reporter reads them all
// back, in that order, as often as it needs. The file is temporary, unlinked as soon as it is made
// (reports/atomic_file.h SpillFile), so it is gone when the run ends, however it ends.
class ResultStore {
 public:
  // The file goes in `folder` (the reports'), or in TMPDIR when it is empty.
  explicit ResultStore(const std::string& folder = "");

  void add(const Result& result);
  std::size_t size() const { return count_; }

  // Calls `visit` with each result in the order they were added. Its StoredResult is reused: what
  // `visit` wants to keep, it moves out. Throws ReportWriteError when the file could not be written
  // or read back.
  void for_each(const std::function<void(StoredResult&)>& visit) const;

 private:
  std::string near_path_;
  std::unique_ptr<SpillFile> spill_;  // made at the first result
  std::size_t count_ = 0;
};

}  // namespace settle
