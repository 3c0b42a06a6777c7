#pragma once

#include <set>
#include <string>

namespace settle {

// Adds to `needs` the $262 parts (createRealm, evalScript, agent, ...) that `text` uses.
void add_host_needs(const std::string& text, std::set<std::string>& needs);

}  // namespace settle
