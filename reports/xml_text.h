#pragma once

#include <string>
#include <string_view>

namespace settle {

// Makes any byte string safe as XML 1.0 character data or attribute text (the XML library
// escapes markup): invalid UTF-8 becomes U+FFFD, and characters XML cannot hold at all (C0
// controls other than tab, newline and return; U+FFFE, U+FFFF) are written as \xHH or \uHHHH.
std::string xml_safe_text(std::string_view text);

// xml_safe_text(text) with &, < and > written as entities, and every other character for which
// `replace` returns a text written as that text (HTML attributes, Markdown cells, ...).
std::string escape_markup(std::string_view text, const char* (*replace)(char));

}  // namespace settle
