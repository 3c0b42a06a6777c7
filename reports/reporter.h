#pragma once

#include "runner/result.h"
#include "runner/summary.h"

namespace settle {

// One implementation per output format. A run feeds every reporter the same calls.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(const RunInfo& run) = 0;
  virtual void add(const Result& result) = 0;  // in final order: by id, then engine
  virtual void end(const Summary& summary) = 0;
};

}  // namespace settle
