#pragma once

#include <string>

namespace settle {

// The text up to its first newline: a message's summary for a one-line field.
inline std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace settle
