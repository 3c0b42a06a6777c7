#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "runner/corpus/corpus.h"
#include "runner/model/engine.h"
#include "runner/run/case_selection.h"
#include "runner/run/plan.h"

namespace settle {

// Jobs that the scheduler takes together, with the cases they point into: they live until the
// scheduler has handed over the batch's every result.
struct JobBatch {
  std::vector<Case> cases;
  std::vector<PlannedJob> jobs;  // by case id, then engine
};

// A run's jobs, planned a group of case files at a time (runner/corpus/corpus.h) as the scheduler
// reaches them: only the cases the selection takes, on every engine.
class JobFeed {
 public:
  JobFeed(Corpus& corpus, CaseSelection selection, std::vector<const EngineInfo*> engines,
          PlanSettings settings);

  // The next batch, never empty, or null when every job has been planned. Throws what
  // Corpus::load_group throws.
  std::unique_ptr<JobBatch> next();

 private:
  Corpus& corpus_;
  CaseSelection selection_;
  std::vector<const EngineInfo*> engines_;
  PlanSettings settings_;
  std::size_t next_group_ = 0;
};

}  // namespace settle
