#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "runner/gate/summary.h"

namespace settle {

class ChildProcess;

// What a lowering asks for: `--lower es5|none` and a profile's "lower".
enum class LowerLevel { kNone, kEs5 };

std::optional<LowerLevel> lower_level_from_name(const std::string& name);
const char* lower_level_name(LowerLevel level);  // "none", "es5"

// The npm packages the lowering service loads: Babel's core and one plugin per lowered syntax.
// `settle engines --install babel` installs them (engines/npm/package.json pins each).
const std::vector<std::string>& lowering_npm_packages();

// The name `settle engines --install` takes for them.
inline constexpr const char* kLoweringInstallName = "babel";

// test262 feature names whose syntax the lowering turns into ES5; an engine that lacks one has
// it once its code is lowered. Never async functions, generators, async iteration.
const std::vector<std::string>& lowered_features();

// A text lowered, or why not.
struct LoweredText {
  std::string code;
  std::string error;    // Babel could not lower it (it does not parse): `code` is empty
  std::string refused;  // the lowering needs Babel helpers that touch Promise (their names): it
                        // must not run, or the Promise under test would not be the engine's
  // Syntax newer than ES5 left in `code`, by test262 feature ("BigInt" for a BigInt literal):
  // the lowering cannot or will not lower it (engines/lowering/lowering_service.js).
  std::vector<std::string> unlowered;
};

// The lowering failed for a reason that is no single text's: the service did not start or died.
class LoweringError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The run's one lowering service: a node process running engines/lowering/lowering_service.js,
// asked one text at a time by every worker. Its cache under the
// engines folder keeps each text's lowering by digest, so a text is lowered once ever.
class Lowerer {
 public:
  // Starts the service (node; Babel itself loads on the first text no cache holds). Throws
  // LoweringError when Babel is not installed in `node_modules` or node does not start.
  Lowerer(std::filesystem::path node_modules, std::filesystem::path cache_folder);
  ~Lowerer();
  Lowerer(const Lowerer&) = delete;
  Lowerer& operator=(const Lowerer&) = delete;

  // Thread-safe. Throws LoweringError (see above).
  LoweredText lower(const std::string& code);
  LoweringCounts counts() const;
  const std::string& transpiler() const { return transpiler_; }

 private:
  void start();

  std::filesystem::path node_modules_;
  std::filesystem::path cache_folder_;
  std::string transpiler_;
  mutable std::mutex mutex_;
  std::unique_ptr<ChildProcess> service_;
  std::string failure_;  // why the service is gone, once it is
  std::size_t transformed_ = 0;
  std::size_t from_cache_ = 0;
};

}  // namespace settle
