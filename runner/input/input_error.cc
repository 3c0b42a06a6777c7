#include "runner/input/input_error.h"

namespace settle {
namespace {

std::string text_of(const std::string& file, SourcePosition where, const std::string& field,
                    const std::string& message) {
  std::string text = file;
  if (where.line != 0) {
    text += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  }
  text += ": ";
  if (!field.empty()) text += field + ": ";
  return text + message;
}

}  // namespace

InputError::InputError(std::string file, SourcePosition where, std::string field,
                       std::string message)
    : std::runtime_error(text_of(file, where, field, message)),
      file_(std::move(file)),
      where_(where),
      field_(std::move(field)),
      message_(std::move(message)) {}

}  // namespace settle
