#include "runner/input/json_input.h"

namespace settle {

void invalid(const std::string& field, std::string message) {
  throw InvalidField{field, std::move(message)};
}

JsonSource parse_json_input(std::string text, const std::string& file,
                            JsonSource::Positions positions) {
  try {
    return JsonSource::parse(std::move(text), positions);
  } catch (const JsonSyntaxError& error) {
    throw InputError(file, error.where(), error.field(),
                     std::string("invalid JSON: ") + error.what());
  }
}

InputError input_error_at(const JsonSource& source, const std::string& file,
                          const InvalidField& problem) {
  return InputError(file, source.position_of(problem.field), problem.field, problem.message);
}

}  // namespace settle
