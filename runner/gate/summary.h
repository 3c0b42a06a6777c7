#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runner/gate/gate.h"
#include "runner/input/input_error.h"
#include "runner/model/engine.h"
#include "runner/model/result.h"
#include "runner/run/run_settings.h"

namespace settle {

// What the reporters are told before the first result.
struct RunInfo {
  std::string settle_version;
  std::string started;  // ISO 8601, UTC
  std::vector<EngineInfo> engines;
  std::vector<InputError> load_errors;  // case files that did not load
  RunSettings settings;                 // engines, filters, timeout, ...
};

// Counts by status, per engine.
struct StatusCounts {
  std::array<std::size_t, kStatusCount> by_status{};  // indexed by Status
  std::size_t count(Status status) const { return by_status[static_cast<std::size_t>(status)]; }
  std::size_t total() const;
};

// What a run's lowering (--lower) did: texts Babel lowered in this run, and texts it found
// lowered already (earlier in the run, or by an earlier run, in the cache under the engines
// folder).
struct LoweringCounts {
  std::string transpiler;  // "babel 7.29.17"
  std::size_t transformed = 0;
  std::size_t from_cache = 0;
};

struct Summary {
  std::map<std::string, StatusCounts> per_engine;
  std::size_t load_errors = 0;
  bool complete = true;
  std::string stopped_by;  // the option that stopped an incomplete run early ("--maxfail 1")
  double seconds = 0;
  GateOutcome gate;                        // known failures, stale expectations, baseline changes
  std::optional<LoweringCounts> lowering;  // when some engine's code was lowered

  void add(const Result& result) {
    ++per_engine[result.engine].by_status[static_cast<std::size_t>(result.status)];
  }
  StatusCounts overall() const;
};

}  // namespace settle
