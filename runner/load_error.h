#pragma once

#include <string>

#include "runner/json_source.h"

namespace settle {

// The position of an error about a path as a whole (it does not exist, it cannot be read, it is no
// test): line and column 0, which reports write as they are and to_string() leaves out.
inline constexpr SourcePosition kNoPosition{0, 0};

// Why a case file could not be loaded: reported as `file:line:column: field: message`, or
// `file: message` when it has no position.
struct LoadError {
  std::string file;
  SourcePosition where;
  std::string field;  // e.g. cases[3].expect.fulfilled; empty for the whole file
  std::string message;

  bool has_position() const { return where.line != 0; }

  std::string to_string() const {
    std::string text = file;
    if (has_position()) {
      text += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
    }
    text += ": ";
    if (!field.empty()) text += field + ": ";
    return text + message;
  }
};

}  // namespace settle
