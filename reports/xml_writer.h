#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace settle {

// Writes an XML document a piece at a time to a sink, laid out two spaces an indent level: an
// element with neither children nor text closes as `<name a="v" />`, one with text holds it inline.
// Every attribute value and text is made safe (xml_safe_text) and escaped, `>` included, so "]]>"
// never appears as such. ScopedElement closes what it opens.
class XmlWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  // `depth`: the indent level of the first element, for a part of a document written apart.
  explicit XmlWriter(Sink sink, unsigned depth = 0) : sink_(std::move(sink)), depth_(depth) {}

  class ScopedElement {
   public:
    ScopedElement(XmlWriter& writer, const char* name) : writer_(&writer) { writer.start(name); }
    ~ScopedElement() {
      if (writer_) writer_->end();
    }
    ScopedElement(ScopedElement&& other) noexcept : writer_(other.writer_) {
      other.writer_ = nullptr;
    }
    ScopedElement(const ScopedElement&) = delete;
    ScopedElement& operator=(const ScopedElement&) = delete;
    ScopedElement& operator=(ScopedElement&&) = delete;

    ScopedElement& attribute(const char* name, const std::string& value) {
      writer_->attribute(name, value);
      return *this;
    }
    ScopedElement& text(const std::string& value) {
      writer_->text(value);
      return *this;
    }

   private:
    XmlWriter* writer_;
  };

  ScopedElement element(const char* name) { return ScopedElement(*this, name); }
  void declaration() { sink_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); }
  // Children written elsewhere (a spill file), already laid out for the current depth.
  void raw_children(std::string_view text);

  void start(const char* name);
  void attribute(const char* name, const std::string& value);
  void text(const std::string& value);
  void end();

  // The indent of a child of the innermost open element.
  std::string child_indent() const { return std::string(2 * (depth_ + open_.size()), ' '); }

 private:
  void close_start_tag();

  struct Open {
    std::string name;
    bool has_children = false;
    bool has_text = false;
  };
  Sink sink_;
  unsigned depth_;
  std::vector<Open> open_;
  bool start_tag_open_ = false;
};

}  // namespace settle
