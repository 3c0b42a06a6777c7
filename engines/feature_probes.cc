#include "engines/feature_probes.h"

#include <nlohmann/json.hpp>

namespace settle {
namespace embedded {
extern const char* const kFeatureProbesJson;
}

const std::vector<std::pair<std::string, std::string>>& feature_probes() {
  static const auto probes = [] {
    std::vector<std::pair<std::string, std::string>> list;
    const nlohmann::json table = nlohmann::json::parse(embedded::kFeatureProbesJson);
    for (auto it = table.begin(); it != table.end(); ++it) {
      if (it.key() != "//") list.emplace_back(it.key(), it.value().get<std::string>());
    }
    return list;
  }();
  return probes;
}

std::string feature_probe_script(const std::map<std::string, std::string>& extra) {
  std::vector<std::pair<std::string, std::string>> probes = feature_probes();
  probes.insert(probes.end(), extra.begin(), extra.end());
  std::string script = "(function () { var found = {};\n";
  for (const auto& [name, code] : probes) {
    script += "try { found[" + nlohmann::json(name).dump() + "] = (0, eval)(" +
              nlohmann::json(code).dump() + ") === true; } catch (e) { found[" +
              nlohmann::json(name).dump() + "] = false; }\n";
  }
  return script + "return JSON.stringify(found); })()";
}

}  // namespace settle
