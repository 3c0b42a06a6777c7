#include "reports/xml_writer.h"

#include "reports/xml_text.h"

namespace settle {
namespace {

const char* attribute_escape(char c) {
  switch (c) {
    case '"':
      return "&quot;";
    case '\n':  // kept as they are: a parser would make spaces of them
      return "&#10;";
    case '\r':
      return "&#13;";
    case '\t':
      return "&#9;";
    default:
      return nullptr;
  }
}

const char* no_escape(char) { return nullptr; }

}  // namespace

void XmlWriter::close_start_tag() {
  if (!start_tag_open_) return;
  sink_(">");
  start_tag_open_ = false;
}

void XmlWriter::start(const char* name) {
  if (!open_.empty()) {
    close_start_tag();
    if (!open_.back().has_children) sink_("\n");
    open_.back().has_children = true;
  }
  sink_(child_indent());
  sink_("<");
  sink_(name);
  open_.push_back({name});
  start_tag_open_ = true;
}

void XmlWriter::attribute(const char* name, const std::string& value) {
  sink_(" ");
  sink_(name);
  sink_("=\"");
  sink_(escape_markup(value, attribute_escape));
  sink_("\"");
}

void XmlWriter::text(const std::string& value) {
  close_start_tag();
  sink_(escape_markup(value, no_escape));
  open_.back().has_text = true;
}

void XmlWriter::raw_children(std::string_view text) {
  if (text.empty()) return;
  close_start_tag();
  if (!open_.back().has_children) sink_("\n");
  open_.back().has_children = true;
  sink_(text);
}

void XmlWriter::end() {
  Open element = std::move(open_.back());
  open_.pop_back();
  if (start_tag_open_) {
    sink_(" />\n");
    start_tag_open_ = false;
    return;
  }
  if (element.has_children) sink_(child_indent());
  sink_("</");
  sink_(element.name);
  sink_(">\n");
}

}  // namespace settle
