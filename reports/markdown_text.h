#pragma once

#include <string>

namespace settle {

// Text safe inside one GitHub-flavoured Markdown table cell: markup characters escaped as HTML
// entities, `|` escaped, newlines as <br>, invalid UTF-8 and control characters replaced.
std::string markdown_cell(const std::string& text);

// A case id or other name as inline code in a table cell.
std::string markdown_code(const std::string& text);

}  // namespace settle
