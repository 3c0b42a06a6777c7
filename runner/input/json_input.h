#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "runner/input/input_error.h"
#include "runner/input/json_source.h"

namespace settle {

// A field of a JSON input that does not validate: thrown by the code that reads the input, and
// made an InputError at the field's position by read_json_input.
struct InvalidField {
  std::string field;  // a JsonSource path: engines[0].adapter; empty for the whole document
  std::string message;
};

[[noreturn]] void invalid(const std::string& field, std::string message);

// Parses a JSON file that the user gave settle (comments allowed). Throws InputError:
// `file:line:column: invalid JSON: ...`.
JsonSource parse_json_input(std::string text, const std::string& file,
                            JsonSource::Positions positions = JsonSource::Positions::kWhenAsked);

// The InputError of an invalid field of `source`, at the field's position.
InputError input_error_at(const JsonSource& source, const std::string& file,
                          const InvalidField& problem);

// What `read` makes of the document; an InvalidField it throws is thrown as an InputError.
template <typename Read>
auto read_json_input(const JsonSource& source, const std::string& file, Read&& read)
    -> decltype(read(source.root())) {
  try {
    return read(source.root());
  } catch (const InvalidField& problem) {
    throw input_error_at(source, file, problem);
  }
}

}  // namespace settle
