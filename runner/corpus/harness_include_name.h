#pragma once

#include <optional>
#include <string>

namespace settle {

// Why `name` cannot be a test262 include, or nothing when it can. An include is a plain file name
// of the checkout's harness/ folder (INTERPRETING.md), never a path: an absolute path, a `..`,
// a folder part, a backslash or a NUL could name a file outside that folder.
std::optional<std::string> harness_include_name_problem(const std::string& name);

// `name` as an error message shows it: control characters (a NUL) written as \xNN.
std::string shown_include_name(const std::string& name);

}  // namespace settle
