#include "engines/lowering/lowering_engine.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace settle {
namespace {

// What the factory's engines share: the inner factory, the run's lowerer, and the harness files
// lowered so far (each once per run, whichever worker needs it first).
struct LoweringShared {
  std::unique_ptr<EngineFactory> inner;
  std::shared_ptr<Lowerer> lowerer;
  LowerLevel level = LowerLevel::kEs5;
  EngineInfo info;
  std::mutex harness_mutex;
  // By the file read from the checkout, which the entry keeps alive: its lowered copy.
  std::map<const HarnessFile*,
           std::pair<std::shared_ptr<const HarnessFile>, std::shared_ptr<const HarnessFile>>>
      harness;
};

// Why a lowering may not run: refused (its helpers touch Promise) or the service failed.
struct LoweringFault {
  std::string message;
};

std::string lowered_or_fault(Lowerer& lowerer, const std::string& code, const std::string& what,
                             std::optional<LoweringFault>& fault,
                             std::vector<std::string>* unlowered = nullptr) {
  LoweredText lowered = lowerer.lower(code);
  if (unlowered) *unlowered = lowered.unlowered;
  if (!lowered.refused.empty()) {
    fault = LoweringFault{"lowering " + what + " was refused: its Babel helpers (" +
                          lowered.refused + ") touch Promise, which must be the engine's own"};
    return code;
  }
  // Babel cannot parse it: the engine gets it as it is, and its own parser judges.
  if (!lowered.error.empty()) return code;
  return lowered.code;
}

class LoweringEngine : public Engine {
 public:
  LoweringEngine(std::shared_ptr<LoweringShared> shared, std::unique_ptr<Engine> inner)
      : shared_(std::move(shared)), inner_(std::move(inner)) {}

  const EngineInfo& info() const override { return shared_->info; }

  // The harness files of every test262 run are lowered, those of a run whose code is not too:
  // an engine compiles each harness file once per run, by name, whichever run needs it first.
  Observation run(const Job& job) override {
    if (!job.test->test262) return inner_->run(job);
    const bool lower_code = lowers_case(*job.test);
    std::optional<LoweringFault> fault;
    Case lowered = *job.test;
    try {
      if (lower_code) {
        std::vector<std::string> unlowered;
        lowered.code =
            lowered_or_fault(*shared_->lowerer, job.test->code, "the test", fault, &unlowered);
        // A test that does not declare the feature its syntax needs would fail to parse: it
        // skips, as one that declared it would.
        auto lacked = std::find_if(unlowered.begin(), unlowered.end(),
                                   [&](const std::string& f) { return inner_->info().lacks(f); });
        if (!fault && lacked != unlowered.end()) {
          Observation skipped;
          skipped.ending =
              NotRun{"uses " + *lacked + " syntax, which the lowering cannot lower and " +
                     shared_->info.name + " lacks"};
          return skipped;
        }
      }
      for (auto& file : lowered.test262->harness) {
        if (!fault) file = lowered_harness(file, fault);
      }
    } catch (const LoweringError& error) {
      fault = LoweringFault{error.what()};
    }
    if (fault) return Observation::faulted(fault->message);
    Job lowered_job = job;
    lowered_job.test = &lowered;
    Observation observation = inner_->run(lowered_job);
    if (lower_code) observation.lowered = lower_level_name(shared_->level);
    return observation;
  }

 private:
  std::shared_ptr<const HarnessFile> lowered_harness(const std::shared_ptr<const HarnessFile>& file,
                                                     std::optional<LoweringFault>& fault) {
    std::lock_guard<std::mutex> lock(shared_->harness_mutex);
    auto found = shared_->harness.find(file.get());
    if (found != shared_->harness.end()) return found->second.second;
    auto lowered = std::make_shared<HarnessFile>(*file);
    lowered->code = lowered_or_fault(*shared_->lowerer, file->code, file->name, fault);
    if (fault) return file;
    shared_->harness.emplace(file.get(), std::make_pair(file, lowered));
    return lowered;
  }

  std::shared_ptr<LoweringShared> shared_;
  std::unique_ptr<Engine> inner_;
};

class LoweringFactory : public EngineFactory {
 public:
  explicit LoweringFactory(std::shared_ptr<LoweringShared> shared) : shared_(std::move(shared)) {}
  const EngineInfo& info() const override { return shared_->info; }
  std::unique_ptr<Engine> create() const override {
    return std::make_unique<LoweringEngine>(shared_, shared_->inner->create());
  }

 private:
  std::shared_ptr<LoweringShared> shared_;
};

}  // namespace

bool lowers_case(const Case& test) {
  if (!test.test262 || test.test262->flags.module) return false;
  const auto& negative = test.test262->negative;
  return !negative ||
         (negative->phase != Test262Phase::kParse && negative->phase != Test262Phase::kResolution);
}

std::unique_ptr<EngineFactory> make_lowering_factory(std::unique_ptr<EngineFactory> inner,
                                                     std::shared_ptr<Lowerer> lowerer,
                                                     LowerLevel level) {
  if (level == LowerLevel::kNone) return inner;
  auto shared = std::make_shared<LoweringShared>();
  shared->info = inner->info();
  shared->inner = std::move(inner);
  shared->lowerer = std::move(lowerer);
  shared->level = level;
  shared->info.lower = lower_level_name(level);
  shared->info.lowered_by = shared->lowerer->transpiler();
  for (const std::string& feature : lowered_features()) {
    auto found = shared->info.features.find(feature);
    if (found != shared->info.features.end()) found->second = true;
  }
  return std::make_unique<LoweringFactory>(std::move(shared));
}

}  // namespace settle
