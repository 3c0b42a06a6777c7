#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace settle {

// test262 feature names with the expression that detects each (engines/feature_probes.json).
const std::vector<std::pair<std::string, std::string>>& feature_probes();

// One ES5 script that evaluates every probe, and a profile's `extra` ones, and completes with a
// JSON text {feature: bool}.
std::string feature_probe_script(const std::map<std::string, std::string>& extra = {});

}  // namespace settle
