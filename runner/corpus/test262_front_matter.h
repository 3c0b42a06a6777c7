#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runner/input/input_error.h"
#include "runner/model/case.h"

namespace settle {

// The fields of a test262 front matter (`/*--- ... ---*/`) that decide how a test runs.
struct Test262Metadata {
  std::string description;
  std::string esid;
  std::vector<std::string> includes;  // harness files, as listed
  Test262Flags flags;                 // the flags that settle knows (others are ignored)
  std::vector<std::string> features;  // test262 feature names
  std::optional<Test262Negative> negative;
  std::vector<SourcePosition> include_positions;  // where each of `includes` is in the file
  std::size_t front_matter_line = 0;              // 1-based line of the `/*---` opening
};

// Whether a source text carries a test262 front matter: a `/*---` that a `---*/` closes.
bool has_test262_front_matter(std::string_view source);

// Reads the front matter of a test262 test with a YAML parser. Errors name `file:line:column`
// in the file (not in the YAML block) and the field, e.g. `negative.phase`. A source without a
// front matter is an error too: the caller asks only for files it takes for test262 tests.
std::variant<Test262Metadata, InputError> parse_test262_front_matter(std::string_view source,
                                                                     const std::string& file);

}  // namespace settle
