#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// The deepest nesting of arrays and objects that settle reads in a JSON text: case files,
// expectations files, reports, engine profiles and engine replies. nlohmann::json copies, compares
// and writes values recursively, so a text nested deeply enough would overflow the stack; settle
// refuses it as invalid instead. Values that engines write are cut at depth 8 (docs/design.md).
inline constexpr std::size_t kMaxJsonDepth = 512;

// Whether a JSON text (comments allowed) nests arrays and objects deeper than kMaxJsonDepth.
// One pass over the text, without parsing it: for texts that nlohmann::json::parse reads whole.
bool json_nesting_too_deep(std::string_view text);

struct SourcePosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// A JSON text that failed to parse, or that repeats a key in one object. Nesting too deep also
// names the field that holds it (e.g. cases[0].expect.returns); other errors name none.
class JsonSyntaxError : public std::runtime_error {
 public:
  JsonSyntaxError(SourcePosition where, const std::string& message, std::string field = "")
      : std::runtime_error(message), where_(where), field_(std::move(field)) {}
  SourcePosition where() const { return where_; }
  const std::string& field() const { return field_; }

 private:
  SourcePosition where_;
  std::string field_;
};

// A parsed JSON document (comments allowed, nesting up to kMaxJsonDepth) that remembers where each
// value stood in its text, so that validation errors can name file:line:column. Values are
// addressed by field paths such as `cases[3].expect.fulfilled` (the root is the empty path).
class JsonSource {
 public:
  // When the positions are found: as the text is parsed, for a reader that asks for many (a case
  // file gives every case its line); or by reading the text again for each path asked, for one
  // that asks only to report an error (a report of 100,000 results keeps no map of its fields).
  enum class Positions { kWhileParsing, kWhenAsked };

  // Throws JsonSyntaxError, also for a NUL byte anywhere (nlohmann's lexer would take it for the
  // end of the text and ignore what follows).
  static JsonSource parse(std::string text, Positions positions = Positions::kWhileParsing);
  // The value of a JSON text, read as strictly as parse() reads it: no repeated key, nothing after
  // the one value. Throws JsonSyntaxError.
  static nlohmann::json parse_value(std::string text);

  const nlohmann::json& root() const { return root_; }
  // The position of the value at `path`, or of its nearest recorded ancestor.
  SourcePosition position_of(const std::string& path) const;

  static std::string member_path(const std::string& parent, const std::string& key);
  static std::string element_path(const std::string& parent, std::size_t index);

 private:
  friend class PositionRecorder;
  // Parses text_ into root_, noting the positions when asked. Throws JsonSyntaxError.
  void read(bool record_positions);
  // The position of `path`, or of its nearest ancestor in `offsets`.
  SourcePosition position_in(const std::map<std::string, std::size_t>& offsets,
                             const std::string& path) const;
  SourcePosition position_at(std::size_t offset) const;
  // The characters (not UTF-8 continuation bytes) in text_ before `offset`.
  std::size_t characters_before(std::size_t offset) const;
  void index_text() const;

  std::string text_;
  mutable std::vector<std::size_t> line_starts_;  // offsets where lines start, made on first use
  // The characters before each multiple of kCharacterStride bytes, made with line_starts_, so
  // that a column costs at most a stride's scan however long its line is.
  mutable std::vector<std::size_t> characters_at_stride_;
  nlohmann::json root_;
  bool positions_recorded_ = false;
  std::map<std::string, std::size_t> offsets_;  // of the values nested up to 32 deep
};

}  // namespace settle
