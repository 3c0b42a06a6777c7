#include "engines/engine_registry.h"

#include "engines/duktape/duktape_engine.h"

namespace settle {

std::vector<std::string> builtin_engine_names() { return {"duktape"}; }

std::unique_ptr<EngineFactory> make_engine_factory(const std::string& name,
                                                   const EngineOptions& options) {
  if (name == "duktape") {
    try {
      return std::make_unique<DuktapeEngineFactory>(name, options);
    } catch (const std::exception& error) {
      throw EngineUnavailable("duktape could not start: " + std::string(error.what()));
    }
  }
  std::string known;
  for (const auto& builtin : builtin_engine_names()) known += (known.empty() ? "" : ", ") + builtin;
  throw EngineUnavailable("unknown engine \"" + name + "\" (built-in engines: " + known + ")");
}

}  // namespace settle
