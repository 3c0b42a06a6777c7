#include "runner/corpus/test262_host_needs.h"

#include <regex>

namespace settle {

void add_host_needs(const std::string& text, std::set<std::string>& needs) {
  if (text.find("$262") == std::string::npos) return;  // most texts: no need for the slow regex
  static const std::regex kUse(R"(\$262\s*\.\s*([A-Za-z_$][\w$]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), kUse), end; it != end; ++it) {
    needs.insert((*it)[1].str());
  }
}

}  // namespace settle
