#pragma once

#include <string>

namespace settle {

// The built-in drivers (engines/process/): one ES5 core, driver_core.js, and a thin adapter per
// shell, <name>_adapter.js. A driver is the core followed by its adapter, written as one file.

// Whether `name` names a built-in driver.
bool has_builtin_driver(const std::string& name);

// The driver's text: the core, then the adapter. Throws std::runtime_error for an unknown name.
std::string builtin_driver_text(const std::string& name);

}  // namespace settle
