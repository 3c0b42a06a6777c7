#include "reports/json_object_writer.h"

namespace settle {

using nlohmann::json;

JsonObjectWriter::JsonObjectWriter(AtomicFileWriter& out) : out_(out) { out_.write("{"); }

std::string JsonObjectWriter::indented(const json& value, std::size_t indent) {
  std::string text = value.dump(2, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const std::string margin(indent, ' ');
  for (char c : text) {
    out += c;
    if (c == '\n') out += margin;  // JSON text has no newline inside a string
  }
  return out;
}

void JsonObjectWriter::key(const std::string& name) {
  out_.write(first_ ? "\n  " : ",\n  ");
  first_ = false;
  out_.write(json(name).dump(-1, ' ', false, json::error_handler_t::replace));
  out_.write(": ");
}

void JsonObjectWriter::member(const std::string& name, const json& value) {
  key(name);
  out_.write(indented(value, 2));
}

void JsonObjectWriter::array_member(const std::string& name, const SpillFile* elements,
                                    std::size_t count) {
  key(name);
  if (count == 0 || !elements) {
    out_.write("[]");
    return;
  }
  out_.write("[\n");
  out_.copy(*elements, 0, elements->size());
  out_.write("\n  ]");
}

void JsonObjectWriter::close() { out_.write(first_ ? "}\n" : "\n}\n"); }

}  // namespace settle
