#pragma once

#include <stdexcept>
#include <string>

#include "runner/input/json_source.h"

namespace settle {

// The position of an error about a path as a whole (it does not exist, it cannot be read, it is no
// test): line and column 0, which reports write as they are and the text leaves out.
inline constexpr SourcePosition kNoPosition{0, 0};

// What is wrong with a file that the user gave settle: a case file or test262 test, an
// expectations file, a report read back, an engine profile. Its text is
// `file:line:column: field: message`, or `file: message` without a position. The corpus's loaders
// return it, since a broken case file never stops the others; the readers of one file throw it.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, SourcePosition where, std::string field, std::string message);

  const std::string& file() const { return file_; }
  SourcePosition where() const { return where_; }
  bool has_position() const { return where_.line != 0; }
  const std::string& field() const { return field_; }  // e.g. cases[3].expect; empty: the file
  const std::string& message() const { return message_; }
  std::string to_string() const { return what(); }

 private:
  std::string file_;
  SourcePosition where_;
  std::string field_;
  std::string message_;
};

}  // namespace settle
