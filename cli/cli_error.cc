#include "cli/cli_error.h"

#include <iostream>

namespace settle::cli {

void say(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    std::cerr << (line.empty() || line[0] == ' ' ? "" : "settle: ") << line << "\n";
    start = end + 1;
  }
  std::cerr.flush();
}

}  // namespace settle::cli
