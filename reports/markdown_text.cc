#include "reports/markdown_text.h"

#include "reports/xml_text.h"

namespace settle {

std::string markdown_cell(const std::string& text) {
  return escape_markup(text, [](char c) -> const char* {
    switch (c) {
      case '|':
        return "\\|";
      case '\\':
        return "\\\\";
      case '*':
        return "\\*";
      case '_':
        return "\\_";
      case '`':
        return "\\`";
      case '[':
        return "\\[";
      case ']':
        return "\\]";
      case '\r':
        return "";
      case '\n':
        return "<br>";
      default:
        return nullptr;
    }
  });
}

std::string markdown_code(const std::string& text) {
  return "<code>" +
         escape_markup(text,
                       [](char c) -> const char* {
                         switch (c) {
                           case '|':
                             return "&#124;";
                           case '\n':
                           case '\r':
                             return " ";
                           default:
                             return nullptr;
                         }
                       }) +
         "</code>";
}

}  // namespace settle
