#include "runner/input/json_source.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

namespace settle {
namespace {

// An input iterator over the text that tells the parser's SAX events how far the lexer has read.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* at, const char** cursor) : at_(at), cursor_(cursor) {}
  reference operator*() const { return *at_; }
  TrackingIterator& operator++() {
    ++at_;
    *cursor_ = at_;
    return *this;
  }
  bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const TrackingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** cursor_;
};

// The offset of the opening quote of a string token whose closing quote ends just before `end`.
std::size_t string_token_start(std::string_view text, std::size_t end) {
  if (end < 2) return 0;
  for (std::size_t i = end - 1; i-- > 0;) {
    if (text[i] != '"') continue;
    std::size_t backslashes = 0;
    while (i >= backslashes + 1 && text[i - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return i;
  }
  return 0;
}

// The offset where a number or literal (true, false, null) token starts; the lexer has read up to
// `end`, possibly one character past the token.
std::size_t scalar_token_start(std::string_view text, std::size_t end) {
  auto in_token = [&](std::size_t i) {
    char c = text[i];
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
  };
  if (end > 0 && end <= text.size() && !in_token(end - 1)) --end;
  while (end > 0 && in_token(end - 1)) --end;
  return end;
}

// Feeds `text` to `handler`, with `cursor` following how far the lexer has read.
void sax_read(const std::string& text, const char** cursor,
              nlohmann::json_sax<nlohmann::json>* handler) {
  *cursor = text.data();
  const char* begin = text.data();
  const char* end = begin + text.size();
  nlohmann::json::sax_parse(TrackingIterator(begin, cursor), TrackingIterator(end, cursor), handler,
                            nlohmann::json::input_format_t::json, true, /*ignore_comments=*/true);
}

std::string strip_nlohmann_prefix(const std::string& what) {
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
  auto colon = what.find(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

class PositionRecorder : public nlohmann::json_sax<nlohmann::json> {
 public:
  PositionRecorder(JsonSource& source, const char** cursor, bool record)
      : source_(source), cursor_(cursor), begin_(source.text_.data()), record_(record) {}

  bool null() override { return put(nullptr, scalar_start()); }
  bool boolean(bool value) override { return put(value, scalar_start()); }
  bool number_integer(number_integer_t value) override {
    std::size_t start = scalar_start();
    // The text -0 is the number -0, which an integer cannot hold.
    if (value == 0 && source_.text_[start] == '-') return put(-0.0, start);
    return put(value, start);
  }
  bool number_unsigned(number_unsigned_t value) override { return put(value, scalar_start()); }
  bool number_float(number_float_t value, const string_t&) override {
    return put(value, scalar_start());
  }
  bool string(string_t& value) override {
    return put(std::move(value), string_token_start(source_.text_, offset()));
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(nlohmann::json::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(nlohmann::json::array()); }
  bool end_array() override { return close(); }

  bool key(string_t& key) override {
    std::size_t start = string_token_start(source_.text_, offset());
    Frame& frame = frames_.back();
    if (frame.value->contains(key)) {
      throw JsonSyntaxError(source_.position_at(start), "duplicate key \"" + key + "\"");
    }
    frame.key = key;
    if (record_ && frames_.size() <= kTrackedDepth) {
      source_.offsets_.emplace(JsonSource::member_path(frame.path, key), start);
    }
    return true;
  }

  bool parse_error(std::size_t byte, const std::string&,
                   const nlohmann::detail::exception& error) override {
    // `byte` counts the characters read up to the end of the offending token: point at its start.
    const std::string& text = source_.text_;
    std::size_t end = std::min(byte, text.size());
    std::size_t start =
        byte > text.size() ? text.size() : (end == 0 ? 0 : end - 1);  // past the end: EOF
    if (byte > text.size()) {
      // the input ended inside a value
    } else if (end > 0 && text[end - 1] == '"') {
      start = string_token_start(text, end);
    } else if (end > 0 && std::isalnum(static_cast<unsigned char>(text[end - 1]))) {
      start = scalar_token_start(text, end);
    }
    throw JsonSyntaxError(source_.position_at(start), strip_nlohmann_prefix(error.what()));
  }

 private:
  static constexpr std::size_t kTrackedDepth = 32;

  struct Frame {
    nlohmann::json* value;
    std::string path;
    std::string key;
  };

  // The field that holds a nesting too deep: the deepest recorded path, without the array
  // indexes at its end (cases[0].expect.returns, not cases[0].expect.returns[0][0][0]...).
  std::string nesting_field() const {
    std::string path = frames_[std::min(frames_.size(), kTrackedDepth + 1) - 1].path;
    while (!path.empty() && path.back() == ']') path.erase(path.rfind('['));
    return path;
  }

  std::size_t offset() const { return static_cast<std::size_t>(*cursor_ - begin_); }
  std::size_t value_end() const { return offset() == 0 ? 0 : offset() - 1; }
  std::size_t scalar_start() const { return scalar_token_start(source_.text_, offset()); }

  // Places a value in the current container and returns it with its path.
  std::pair<nlohmann::json*, std::string> place(nlohmann::json value, std::size_t start) {
    if (frames_.empty()) {
      source_.root_ = std::move(value);
      if (record_) source_.offsets_.emplace("", start);
      return {&source_.root_, ""};
    }
    Frame& parent = frames_.back();
    // Positions are kept for the shallow levels that validation names; deeper values report
    // their nearest recorded ancestor, so a deeply nested file costs no more than its size.
    bool tracked = record_ && frames_.size() <= kTrackedDepth;
    std::string path;
    nlohmann::json* slot;
    if (parent.value->is_array()) {
      if (tracked) path = JsonSource::element_path(parent.path, parent.value->size());
      parent.value->push_back(std::move(value));
      slot = &parent.value->back();
    } else {
      if (tracked) path = JsonSource::member_path(parent.path, parent.key);
      slot = &(*parent.value)[parent.key];
      *slot = std::move(value);
    }
    if (tracked) source_.offsets_.emplace(path, start);  // keeps a member's key position
    return {slot, path};
  }

  bool put(nlohmann::json value, std::size_t start) {
    place(std::move(value), start);
    return true;
  }

  bool open(nlohmann::json container) {
    if (frames_.size() >= kMaxJsonDepth) {
      throw JsonSyntaxError(
          source_.position_at(value_end()),
          "arrays and objects nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
          nesting_field());
    }
    auto [slot, path] = place(std::move(container), value_end());
    frames_.push_back(Frame{slot, path, {}});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  JsonSource& source_;
  const char** cursor_;
  const char* begin_;
  bool record_;  // whether to note where each value starts
  std::vector<Frame> frames_;
};

namespace {

// Whether `path` is `wanted` or one of its ancestors (the root, "", is every path's).
bool leads_to(const std::string& path, const std::string& wanted) {
  if (path.empty()) return true;
  if (wanted.compare(0, path.size(), path) != 0) return false;
  return wanted.size() == path.size() || wanted[path.size()] == '.' || wanted[path.size()] == '[';
}

}  // namespace

// Reads a text that has parsed before, building no value: it notes where the values on the way to
// one path start, as PositionRecorder would have noted them.
class PathLocator : public nlohmann::json_sax<nlohmann::json> {
 public:
  PathLocator(const std::string& text, const char** cursor, std::string wanted)
      : text_(text), cursor_(cursor), wanted_(std::move(wanted)) {}

  const std::map<std::string, std::size_t>& offsets() const { return offsets_; }

  bool null() override { return value(scalar_start()); }
  bool boolean(bool) override { return value(scalar_start()); }
  bool number_integer(number_integer_t) override { return value(scalar_start()); }
  bool number_unsigned(number_unsigned_t) override { return value(scalar_start()); }
  bool number_float(number_float_t, const string_t&) override { return value(scalar_start()); }
  bool string(string_t&) override { return value(string_token_start(text_, offset())); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    Frame& frame = frames_.back();
    frame.key = key;
    if (frame.on_the_way && frames_.size() <= kTrackedDepth) {
      std::string path = JsonSource::member_path(frame.path, key);
      if (leads_to(path, wanted_)) offsets_.emplace(path, string_token_start(text_, offset()));
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  static constexpr std::size_t kTrackedDepth = 32;  // as PositionRecorder's

  struct Frame {
    std::string path;  // set only on the way to the wanted path
    bool on_the_way;
    bool array;
    std::size_t next_index = 0;
    std::string key;
  };

  std::size_t offset() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }
  std::size_t scalar_start() const { return scalar_token_start(text_, offset()); }

  // Notes a value that starts at `start` when it is on the way; returns its path, and whether.
  std::pair<std::string, bool> place(std::size_t start) {
    if (frames_.empty()) {
      offsets_.emplace("", start);
      return {"", true};
    }
    Frame& parent = frames_.back();
    std::size_t index = parent.next_index++;
    if (!parent.on_the_way || frames_.size() > kTrackedDepth) return {"", false};
    std::string path = parent.array ? JsonSource::element_path(parent.path, index)
                                    : JsonSource::member_path(parent.path, parent.key);
    if (!leads_to(path, wanted_)) return {"", false};
    offsets_.emplace(path, start);  // keeps a member's key position
    return {path, true};
  }

  bool value(std::size_t start) {
    place(start);
    return true;
  }

  bool open(bool array) {
    std::size_t at = offset();
    auto [path, on_the_way] = place(at == 0 ? 0 : at - 1);
    frames_.push_back(Frame{std::move(path), on_the_way, array, 0, ""});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  const std::string& text_;
  const char** cursor_;
  const std::string wanted_;
  std::vector<Frame> frames_;
  std::map<std::string, std::size_t> offsets_;
};

bool json_nesting_too_deep(std::string_view text) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {  // skip the string
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = std::min(text.find('\n', i), text.size());
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

void JsonSource::read(bool record_positions) {
  const char* cursor = text_.data();
  PositionRecorder recorder(*this, &cursor, record_positions);
  sax_read(text_, &cursor, &recorder);
  positions_recorded_ = record_positions;
}

JsonSource JsonSource::parse(std::string text, Positions positions) {
  JsonSource source;
  source.text_ = std::move(text);
  std::size_t nul = source.text_.find('\0');
  if (nul != std::string::npos) {
    throw JsonSyntaxError(source.position_at(nul), "a NUL byte, which JSON does not allow");
  }
  if (positions == Positions::kWhileParsing) {
    source.read(true);
    return source;
  }
  try {
    source.read(false);
  } catch (const JsonSyntaxError&) {
    source.read(true);  // throws the error again, naming the field that nests too deep
    throw;
  }
  return source;
}

nlohmann::json JsonSource::parse_value(std::string text) {
  JsonSource source = parse(std::move(text), Positions::kWhenAsked);
  return std::move(source.root_);
}

SourcePosition JsonSource::position_of(const std::string& path) const {
  if (positions_recorded_) return position_in(offsets_, path);
  const char* cursor = text_.data();
  PathLocator locator(text_, &cursor, path);
  sax_read(text_, &cursor, &locator);
  return position_in(locator.offsets(), path);
}

SourcePosition JsonSource::position_in(const std::map<std::string, std::size_t>& offsets,
                                       const std::string& path) const {
  std::string probe = path;
  while (true) {
    auto found = offsets.find(probe);
    if (found != offsets.end()) return position_at(found->second);
    if (probe.empty()) return {};
    auto cut = probe.find_last_of(".[");
    probe = cut == std::string::npos ? "" : probe.substr(0, cut);
  }
}

namespace {

constexpr std::size_t kCharacterStride = 4096;

bool starts_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

void JsonSource::index_text() const {
  line_starts_.push_back(text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);  // a BOM takes no column
  characters_at_stride_.reserve(text_.size() / kCharacterStride + 1);
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (i % kCharacterStride == 0) characters_at_stride_.push_back(characters);
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
    if (starts_character(text_[i])) ++characters;
  }
  characters_at_stride_.push_back(characters);
}

std::size_t JsonSource::characters_before(std::size_t offset) const {
  std::size_t stride = offset / kCharacterStride;
  std::size_t characters = characters_at_stride_[stride];
  for (std::size_t i = stride * kCharacterStride; i < offset; ++i) {
    if (starts_character(text_[i])) ++characters;
  }
  return characters;
}

SourcePosition JsonSource::position_at(std::size_t offset) const {
  // Found once: a file of 100,000 cases asks for 100,000 positions, all of them on one line when
  // the file is written without line breaks.
  if (line_starts_.empty()) index_text();
  offset = std::min(offset, text_.size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());  // 1-based
  SourcePosition position;
  position.line = line == 0 ? 1 : line;
  std::size_t start = line == 0 ? 0 : line_starts_[line - 1];
  if (start < offset) position.column += characters_before(offset) - characters_before(start);
  return position;
}

std::string JsonSource::member_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string JsonSource::element_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

}  // namespace settle
