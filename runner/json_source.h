#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace settle {

struct SourcePosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// A JSON text that failed to parse, or that repeats a key in one object.
class JsonSyntaxError : public std::runtime_error {
 public:
  JsonSyntaxError(SourcePosition where, const std::string& message)
      : std::runtime_error(message), where_(where) {}
  SourcePosition where() const { return where_; }

 private:
  SourcePosition where_;
};

// A parsed JSON document (comments allowed) that remembers where each value stood in its text, so
// that validation errors can name file:line:column. Values are addressed by field paths such as
// `cases[3].expect.fulfilled` (the root is the empty path).
class JsonSource {
 public:
  // Throws JsonSyntaxError.
  static JsonSource parse(std::string text);

  const nlohmann::json& root() const { return root_; }
  // The position of the value at `path`, or of its nearest recorded ancestor.
  SourcePosition position_of(const std::string& path) const;

  static std::string member_path(const std::string& parent, const std::string& key);
  static std::string element_path(const std::string& parent, std::size_t index);

 private:
  friend class PositionRecorder;
  SourcePosition position_at(std::size_t offset) const;

  std::string text_;
  nlohmann::json root_;
  std::map<std::string, std::size_t> offsets_;
};

}  // namespace settle
