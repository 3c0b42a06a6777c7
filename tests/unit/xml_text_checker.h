#pragma once

#include <string>

namespace settle::testing {

// Whether every character of `text` is valid UTF-8 and allowed in XML 1.0 (pugixml does not check).
// Written apart from reports/xml_text.cc on purpose: a test must not trust the code it checks.
inline bool is_xml_text(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80   ? 1
                         : lead < 0xC2 ? 0
                         : lead < 0xE0 ? 2
                         : lead < 0xF0 ? 3
                         : lead < 0xF5 ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) return false;
    char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    static const char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kSmallest[length] || code_point > 0x10FFFF) return false;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;
    if (code_point < 0x20 && code_point != 0x9 && code_point != 0xA && code_point != 0xD) {
      return false;
    }
    if (code_point == 0xFFFE || code_point == 0xFFFF) return false;
    i += length;
  }
  return true;
}

}  // namespace settle::testing
