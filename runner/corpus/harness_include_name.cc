#include "runner/corpus/harness_include_name.h"

#include <cstdio>

namespace settle {

std::optional<std::string> harness_include_name_problem(const std::string& name) {
  const std::string what = "include " + shown_include_name(name);
  const std::string rule = "an include is a file name in the checkout's harness folder";
  if (name.empty()) return "an include is empty; " + rule;
  if (name.find('\0') != std::string::npos) return what + " holds a NUL character; " + rule;
  if (name.front() == '/') return what + " is an absolute path; " + rule;
  if (name == "." || name == "..") return what + " is not a file name; " + rule;
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
    return what + " is a path; " + rule + ", never a path";
  }
  return std::nullopt;
}

std::string shown_include_name(const std::string& name) {
  std::string shown;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      shown += escaped;
    } else {
      shown += c;
    }
  }
  return shown;
}

}  // namespace settle
