#include "engines/process/driver_source.h"

#include <stdexcept>

#include "engines/embedded_files.h"

namespace settle {
namespace {

const char* find(const std::string& file_name) {
  for (const auto& file : embedded::kDrivers) {
    if (file_name == file.name) return file.text;
  }
  return nullptr;
}

}  // namespace

bool has_builtin_driver(const std::string& name) {
  return name != "driver_core" && find(name + "_adapter.js") != nullptr;
}

std::string builtin_driver_text(const std::string& name) {
  const char* core = find("driver_core.js");
  const char* adapter = has_builtin_driver(name) ? find(name + "_adapter.js") : nullptr;
  if (!core || !adapter) throw std::runtime_error("no driver named " + name);
  // One function around both: on a shell whose one realm is the case's (duk, hermes), the
  // driver's names must not be globals that case code can reach.
  return "(function () {\n" + std::string(core) + "\n" + adapter + "\n})();\n";
}

}  // namespace settle
