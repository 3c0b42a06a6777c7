#pragma once

#include <map>
#include <string>
#include <vector>

#include "engines/profile.h"
#include "reports/reporter.h"

namespace settle::cli {

// `settle run --repro-dir DIR`: a repro script (engines/repro_script.h) for every unexpected
// failure, named after its run and engine (finally__basics__name.bun.js), for the engine
// developer to run in the engine's own shell.
class ReproDirReporter : public Reporter {
 public:
  struct Engine {
    EngineProfile profile;
    std::vector<Prelude> preludes;  // the profile's and the user's, in load order
  };
  ReproDirReporter(std::string folder, std::map<std::string, Engine> engines);
  void begin(const RunInfo&) override {}
  void add(const Result& result) override;
  // Throws ReportWriteError when a script could not be written.
  void end(const Summary& summary) override;

 private:
  std::string folder_;
  std::map<std::string, Engine> engines_;
  std::map<std::string, std::pair<std::size_t, std::string>> unwritten_;  // engine: count, why
  std::size_t written_ = 0;
};

}  // namespace settle::cli
