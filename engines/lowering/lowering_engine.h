#pragma once

#include <memory>

#include "engines/lowering/lowerer.h"
#include "runner/model/engine.h"

namespace settle {

// An engine whose test262 code and harness files are lowered to ES5 (`--lower es5`, a profile's
// "lower") before `inner` runs them. A test262 run is lowered unless it is module code or a
// negative test of the parse or resolution phase (the engine's own parser must judge those);
// settle's own case files never are. Its observation says so (Observation::lowered). Its info
// has the lowered syntax features (lowered_features()) and EngineInfo::lower set.
std::unique_ptr<EngineFactory> make_lowering_factory(std::unique_ptr<EngineFactory> inner,
                                                     std::shared_ptr<Lowerer> lowerer,
                                                     LowerLevel level);

// Whether a lowering engine lowers this case.
bool lowers_case(const Case& test);

}  // namespace settle
