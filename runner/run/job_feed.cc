#include "runner/run/job_feed.h"

namespace settle {

JobFeed::JobFeed(Corpus& corpus, CaseSelection selection, std::vector<const EngineInfo*> engines,
                 PlanSettings settings)
    : corpus_(corpus),
      selection_(std::move(selection)),
      engines_(std::move(engines)),
      settings_(settings) {}

std::unique_ptr<JobBatch> JobFeed::next() {
  while (next_group_ < corpus_.groups()) {
    auto batch = std::make_unique<JobBatch>();
    for (Case& test : corpus_.load_group(next_group_++)) {
      if (selection_.take(test.id)) batch->cases.push_back(std::move(test));
    }
    std::vector<const Case*> taken;
    for (const Case& test : batch->cases) taken.push_back(&test);
    batch->jobs = plan_jobs(taken, engines_, settings_);
    if (!batch->jobs.empty()) return batch;
  }
  return nullptr;
}

}  // namespace settle
