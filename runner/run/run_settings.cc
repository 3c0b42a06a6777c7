#include "runner/run/run_settings.h"

namespace settle {
namespace {

struct Named {
  const char* name;
  std::optional<std::string> RunSettings::*setting;
};

// Each setting's name in the reports.
constexpr Named kNamed[] = {
    {"engines", &RunSettings::engines},
    {"paths", &RunSettings::paths},
    {"filters", &RunSettings::filters},
    {"preludes", &RunSettings::preludes},
    {"timeout_ms", &RunSettings::timeout_ms},
    {"jobs", &RunSettings::jobs},
    {"shard", &RunSettings::shard},
    {"expectations", &RunSettings::expectations},
    {"strict_expectations", &RunSettings::strict_expectations},
    {"baseline", &RunSettings::baseline},
    {"lower", &RunSettings::lower},
};

}  // namespace

std::map<std::string, std::string> RunSettings::by_name() const {
  std::map<std::string, std::string> settings = others;
  for (const Named& named : kNamed) {
    if (const auto& value = this->*named.setting) settings[named.name] = *value;
  }
  return settings;
}

void RunSettings::set(const std::string& name, std::string value) {
  for (const Named& named : kNamed) {
    if (name == named.name) {
      this->*named.setting = std::move(value);
      return;
    }
  }
  others[name] = std::move(value);
}

}  // namespace settle
