#include "runner/model/test262_run.h"

#include <utility>

namespace settle {
namespace {

constexpr std::pair<Test262Phase, std::string_view> kPhaseNames[] = {
    {Test262Phase::kParse, "parse"},
    {Test262Phase::kResolution, "resolution"},
    {Test262Phase::kRuntime, "runtime"},
};

constexpr std::pair<std::string_view, bool Test262Flags::*> kFlagNames[] = {
    {"onlyStrict", &Test262Flags::only_strict},
    {"noStrict", &Test262Flags::no_strict},
    {"raw", &Test262Flags::raw},
    {"async", &Test262Flags::async},
    {"module", &Test262Flags::module},
    {"CanBlockIsTrue", &Test262Flags::can_block_is_true},
    {"CanBlockIsFalse", &Test262Flags::can_block_is_false},
};

}  // namespace

std::string_view test262_phase_name(Test262Phase phase) {
  for (const auto& [value, name] : kPhaseNames) {
    if (value == phase) return name;
  }
  return "?";
}

std::optional<Test262Phase> test262_phase_from_name(std::string_view name) {
  for (const auto& [value, text] : kPhaseNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

bool set_test262_flag(Test262Flags& flags, std::string_view name) {
  for (const auto& [text, member] : kFlagNames) {
    if (text == name) {
      flags.*member = true;
      return true;
    }
  }
  return false;
}

}  // namespace settle
