#pragma once

#include <cstddef>

#include "runner/gate/summary.h"
#include "runner/model/result.h"

namespace settle {

// The events of a run, as every report hears them; one implementation per output format, as
// Catch2's reporters are. A run (or a merge) calls begin() once, then progress() and add() as
// results come, then end() once. A reporter that needs every result at end() reads them back from
// the run's ResultStore (reports/result_store.h) rather than keeping them.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(const RunInfo& run) = 0;
  // After each job finishes, in the order the jobs finish: `done` of `total`, `latest` just done.
  virtual void progress(std::size_t /*done*/, std::size_t /*total*/, const Result& /*latest*/) {}
  virtual void add(const Result& result) = 0;  // in final order: by id, then engine
  // Throws ReportWriteError when its report could not be written.
  virtual void end(const Summary& summary) = 0;
};

}  // namespace settle
