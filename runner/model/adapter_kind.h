#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace settle {

// How settle runs an engine (a profile's "adapter"): Duktape in settle's own worker processes,
// or an engine's shell that runs a driver speaking settle's line protocol.
enum class AdapterKind { kDuktape, kProcess };

struct AdapterInfo {
  AdapterKind kind;
  std::string_view name;  // in profiles and reports
};

inline constexpr AdapterInfo kAdapters[] = {
    {AdapterKind::kDuktape, "duktape"},
    {AdapterKind::kProcess, "process"},
};

constexpr std::string_view adapter_name(AdapterKind kind) {
  for (const AdapterInfo& adapter : kAdapters) {
    if (adapter.kind == kind) return adapter.name;
  }
  return "?";
}

inline std::vector<std::string_view> adapter_names() {
  std::vector<std::string_view> names;
  for (const AdapterInfo& adapter : kAdapters) names.push_back(adapter.name);
  return names;
}

constexpr std::optional<AdapterKind> adapter_from_name(std::string_view name) {
  for (const AdapterInfo& adapter : kAdapters) {
    if (adapter.name == name) return adapter.kind;
  }
  return std::nullopt;
}

}  // namespace settle
