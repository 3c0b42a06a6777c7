#pragma once

#include <string>
#include <vector>

#include "engines/profile.h"
#include "runner/model/engine.h"

namespace settle {

// A standalone script that replays one run in the engine's own shell, with no settle and no
// driver: the host prelude, the profile's and the user's preludes, the test262 harness files and
// the case, run as settle's drivers run them, then one printed line, the observation in the
// report notation (engines/repro/repro_runner.js).
struct ReproScript {
  std::string text;
  std::vector<std::string> command;  // how to run it: the profile's shell, given `file`
};

// `notes` are comment lines for the script's head (what settle expected and observed). Throws
// ProfileError where the engine has no shell of its own (QuickJS and engine262 run inside node)
// or the run is test262 module code, which only a driver's module map can load.
ReproScript make_repro_script(const EngineProfile& profile, const std::vector<Prelude>& preludes,
                              const Case& test, const std::string& file,
                              const std::vector<std::string>& notes);

}  // namespace settle
