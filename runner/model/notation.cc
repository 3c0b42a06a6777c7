#include "runner/model/notation.h"

namespace settle {

bool is_tag_key(const std::string& key) {
  return !key.empty() && key[0] == '$' && key.rfind("$$", 0) != 0;
}

std::string tag_of(const nlohmann::json& value) {
  if (!value.is_object()) return {};
  for (const auto& [key, member] : value.items()) {
    if (is_tag_key(key)) return key;
  }
  return {};
}

std::string compact(const nlohmann::json& value, std::size_t max_length) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > max_length) {
    std::size_t cut = max_length;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

}  // namespace settle
