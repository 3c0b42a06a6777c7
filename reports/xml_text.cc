#include "reports/xml_text.h"

#include <cstdio>

namespace settle {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at text[i] and its code point, or 0 when invalid.
std::size_t decode(std::string_view text, std::size_t i, char32_t* code_point) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length;
  char32_t value;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  static const char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;  // overlong, out of range, or a surrogate
  }
  *code_point = value;
  return length;
}

}  // namespace

std::string xml_safe_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    std::size_t length = decode(text, i, &code_point);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    bool allowed = code_point == 0x9 || code_point == 0xA || code_point == 0xD ||
                   (code_point >= 0x20 && code_point != 0xFFFE && code_point != 0xFFFF);
    if (allowed) {
      out.append(text.substr(i, length));
    } else {
      char escaped[12];
      std::snprintf(escaped, sizeof escaped, code_point < 0x100 ? "\\x%02X" : "\\u%04X",
                    static_cast<unsigned>(code_point));
      out += escaped;
    }
    i += length;
  }
  return out;
}

std::string escape_markup(std::string_view text, const char* (*replace)(char)) {
  std::string out;
  for (char c : xml_safe_text(text)) {
    const char* replacement = c == '&'   ? "&amp;"
                              : c == '<' ? "&lt;"
                              : c == '>' ? "&gt;"
                                         : replace(c);
    if (replacement) {
      out += replacement;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace settle
