#pragma once

#include <string>
#include <variant>
#include <vector>

#include "runner/input/input_error.h"
#include "runner/model/case.h"

namespace settle {

// The cases of a file, or why it did not load.
using LoadedCases = std::variant<std::vector<Case>, InputError>;

// Parses a settle case file's text (JSON with comments; `file` is only used in messages and in the
// cases). `id_prefix` is the file's path relative to the case root without its extension; full case
// ids are `<id_prefix>/<id>`.
LoadedCases parse_case_file(const std::string& file, const std::string& id_prefix,
                            std::string text);

}  // namespace settle
