#pragma once

// Helpers shared by the libFuzzer targets of this folder (see CONTRIBUTING.md).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace settle::fuzz {

// The fuzz input as text.
inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The parts of an input that holds several texts, one after the other, separated by a line that
// holds only `---` (the last part runs to the end). Always `count` parts: missing ones are empty.
inline std::vector<std::string> split_parts(std::string_view input, std::size_t count) {
  static constexpr std::string_view kSeparator = "\n---\n";
  std::vector<std::string> parts;
  while (parts.size() + 1 < count) {
    std::size_t at = input.find(kSeparator);
    if (at == std::string_view::npos) break;
    parts.emplace_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
  parts.emplace_back(input);
  parts.resize(count);
  return parts;
}

// Stops the fuzzer with a message when a property of the code under test does not hold.
inline void require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property violated: %s\n", property);
  std::abort();
}

// Whether a 1-based line:column names a character of `text`, or the place just after a line's
// last one (the end of the text, or a line's end). Columns count characters, not UTF-8
// continuation bytes (an upper bound for readers where a byte order mark takes no column).
inline bool position_in_text(std::string_view text, std::size_t line, std::size_t column) {
  if (line < 1 || column < 1) return false;
  std::size_t start = 0;
  for (std::size_t at_line = 1; at_line < line; ++at_line) {
    std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return false;
    start = newline + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::size_t characters = 0;
  for (std::size_t i = start; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++characters;
  }
  return column <= characters + 1;
}

}  // namespace settle::fuzz
