#pragma once

#include <string>

#include "runner/json_source.h"

namespace settle {

// Why a case file could not be loaded: reported as `file:line:column: field: message`.
struct LoadError {
  std::string file;
  SourcePosition where;
  std::string field;  // e.g. cases[3].expect.fulfilled; empty for the whole file
  std::string message;

  std::string to_string() const {
    std::string text =
        file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": ";
    if (!field.empty()) text += field + ": ";
    return text + message;
  }
};

}  // namespace settle
