#include "runner/corpus/test262_front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>

namespace settle {
namespace {

constexpr std::string_view kOpen = "/*---";
constexpr std::string_view kClose = "---*/";

// Where the YAML text sits in the file, to turn a YAML mark into a file position.
struct BlockPlace {
  std::size_t first_line = 1;    // the file line of the YAML text's first line
  std::size_t first_column = 1;  // the file column of its first character
};

BlockPlace place_of(std::string_view source, std::size_t yaml_start) {
  BlockPlace place;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < yaml_start; ++i) {
    if (source[i] == '\n') {
      ++place.first_line;
      line_start = i + 1;
    }
  }
  place.first_column = yaml_start - line_start + 1;
  return place;
}

SourcePosition file_position(const BlockPlace& place, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return {place.first_line, 1};
  auto mark_line = static_cast<std::size_t>(mark.line);
  std::size_t column = static_cast<std::size_t>(mark.column) + 1;
  if (mark_line == 0) column += place.first_column - 1;
  return {place.first_line + mark_line, column};
}

// A YAML mark counts in yaml-cpp's decoding of the block, which for a block that is not UTF-8
// (stray bytes, or NULs that make it read UTF-16) can point past the end of a line or of the
// file: keep the position inside the file (columns in characters, as elsewhere).
SourcePosition inside(std::string_view source, SourcePosition position) {
  std::size_t line = 1;
  std::size_t start = 0;
  for (; line < position.line; ++line) {
    std::size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  std::size_t end = std::min(source.find('\n', start), source.size());
  std::size_t characters = 0;
  for (std::size_t i = start; i < end; ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++characters;
  }
  return {line, std::max<std::size_t>(1, std::min(position.column, characters + 1))};
}

// yaml-cpp ends lines only at LF: a file written with CR or CR LF line terminators (test262 has
// some, to test that they are normalised) has its front matter read with each as one LF.
std::string with_line_feeds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

class FieldError {
 public:
  FieldError(std::string field, std::string message, YAML::Mark mark)
      : field(std::move(field)), message(std::move(message)), mark(mark) {}
  std::string field;
  std::string message;
  YAML::Mark mark;
};

std::string scalar_text(const YAML::Node& node, const std::string& field) {
  if (!node.IsScalar()) throw FieldError(field, "must be a text", node.Mark());
  return node.Scalar();
}

std::vector<std::string> name_list(const YAML::Node& node, const std::string& field) {
  std::vector<std::string> names;
  if (node.IsNull()) return names;
  if (!node.IsSequence()) throw FieldError(field, "must be a list of names", node.Mark());
  for (std::size_t i = 0; i < node.size(); ++i) {
    std::string item_field = field + "[" + std::to_string(i) + "]";
    std::string name = scalar_text(node[i], item_field);
    if (name.empty()) throw FieldError(item_field, "must not be empty", node[i].Mark());
    names.push_back(std::move(name));
  }
  return names;
}

Test262Negative negative_of(const YAML::Node& node) {
  if (!node.IsMap()) throw FieldError("negative", "must be a map with phase and type", node.Mark());
  Test262Negative negative;
  std::optional<Test262Phase> phase;
  for (const auto& entry : node) {
    std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (key == "phase") {
      std::string name = scalar_text(entry.second, "negative.phase");
      phase = test262_phase_from_name(name);
      if (!phase) {
        throw FieldError("negative.phase",
                         "must be parse, resolution or runtime, not \"" + name + "\"",
                         entry.second.Mark());
      }
    } else if (key == "type") {
      negative.type = scalar_text(entry.second, "negative.type");
    }
  }
  if (!phase) throw FieldError("negative.phase", "is missing", node.Mark());
  if (negative.type.empty()) throw FieldError("negative.type", "is missing", node.Mark());
  negative.phase = *phase;
  return negative;
}

Test262Metadata metadata_of(const YAML::Node& root, const BlockPlace& place) {
  Test262Metadata metadata;
  if (root.IsNull()) return metadata;
  if (!root.IsMap()) throw FieldError("", "the front matter must be a YAML map", root.Mark());
  for (const auto& entry : root) {
    if (!entry.first.IsScalar()) {
      throw FieldError("", "a front matter key must be a name", entry.first.Mark());
    }
    const std::string& key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "description") {
      if (!value.IsNull()) metadata.description = scalar_text(value, key);
    } else if (key == "esid") {
      if (!value.IsNull()) metadata.esid = scalar_text(value, key);
    } else if (key == "includes") {
      metadata.includes = name_list(value, key);
      for (std::size_t i = 0; i < metadata.includes.size(); ++i) {
        metadata.include_positions.push_back(file_position(place, value[i].Mark()));
      }
    } else if (key == "flags") {
      for (const std::string& flag : name_list(value, key)) set_test262_flag(metadata.flags, flag);
    } else if (key == "features") {
      metadata.features = name_list(value, key);
    } else if (key == "negative") {
      metadata.negative = negative_of(value);
    }
    // Other keys (info, author, es5id, locale, ...) say nothing about how the test runs.
  }
  return metadata;
}

}  // namespace

bool has_test262_front_matter(std::string_view source) {
  std::size_t open = source.find(kOpen);
  return open != std::string_view::npos &&
         source.find(kClose, open + kOpen.size()) != std::string_view::npos;
}

std::variant<Test262Metadata, InputError> parse_test262_front_matter(std::string_view source,
                                                                     const std::string& file) {
  std::size_t open = source.find(kOpen);
  std::size_t close =
      open == std::string_view::npos ? open : source.find(kClose, open + kOpen.size());
  if (close == std::string_view::npos) {
    return InputError{file, {1, 1}, "", "no test262 front matter (/*--- ... ---*/)"};
  }
  std::size_t yaml_start = open + kOpen.size();
  BlockPlace place = place_of(source, yaml_start);
  std::string yaml = with_line_feeds(source.substr(yaml_start, close - yaml_start));
  try {
    Test262Metadata metadata = metadata_of(YAML::Load(yaml), place);
    metadata.front_matter_line = place_of(source, open).first_line;
    return metadata;
  } catch (const FieldError& error) {
    return InputError{file, inside(source, file_position(place, error.mark)), error.field,
                      error.message};
  } catch (const YAML::Exception& error) {
    return InputError{file, inside(source, file_position(place, error.mark)), "",
                      "the front matter is not valid YAML: " + error.msg};
  }
}

}  // namespace settle
