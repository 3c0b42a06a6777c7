#include "runner/match/test262_verdict.h"

#include <sstream>

#include "runner/model/value_json.h"

namespace settle {
namespace {

constexpr std::string_view kAsyncComplete = "Test262:AsyncTestComplete";
constexpr std::string_view kAsyncFailure = "Test262:AsyncTestFailure:";

Verdict passed() { return {true, ""}; }
Verdict failed(std::string message) { return {false, std::move(message)}; }

// "TypeError: message" for a thrown value in the report notation.
std::string thrown_text(const Threw& threw) {
  const nlohmann::json& value = json_of(threw.value);
  if (value.is_object() && value.contains("$error") && value["$error"].is_string()) {
    std::string message = value.contains("message") && value["message"].is_string()
                              ? value["message"].get<std::string>()
                              : "";
    return value["$error"].get<std::string>() + ": " + message;
  }
  if (threw.constructor && value.is_object() && value.contains("message") &&
      value["message"].is_string()) {
    return *threw.constructor + ": " + value["message"].get<std::string>();
  }
  return value.dump();
}

// The error's type as INTERPRETING.md names it: its constructor's name. An Error's `name` stands
// in when the engine could not read the constructor.
std::string thrown_type(const Threw& threw) {
  if (threw.constructor) return *threw.constructor;
  const nlohmann::json& value = json_of(threw.value);
  if (value.is_object() && value.contains("$error") && value["$error"].is_string()) {
    return value["$error"].get<std::string>();
  }
  return "";
}

Verdict negative_verdict(const Test262Negative& negative, const Threw* threw) {
  std::string wanted = "a " + negative.type + " in the " +
                       std::string(test262_phase_name(negative.phase)) + " phase";
  // The phases before run time, and how each outcome reads.
  struct EarlyPhase {
    Test262Phase phase;
    const char* failed;   // it did not parse
    const char* failing;  // parsing failed with
    const char* passed;   // it parsed
  };
  const EarlyPhase phases[] = {
      {Test262Phase::kParse, "it did not parse", "parsing failed with", "it parsed"},
      {Test262Phase::kResolution, "it did not link", "linking failed with", "it linked"}};
  for (const EarlyPhase& phase : phases) {
    bool expected_here = negative.phase == phase.phase;
    if (threw && threw->phase == phase.phase) {
      if (!expected_here) {
        return failed("expected " + wanted + "; " + phase.failed + ": " + thrown_text(*threw));
      }
      if (thrown_type(*threw) != negative.type) {
        return failed("expected " + wanted + "; " + phase.failing + " " + thrown_text(*threw));
      }
      return passed();
    }
    if (expected_here) {
      return failed("expected " + wanted + "; " + phase.passed + ", then " +
                    (threw ? "threw " + thrown_text(*threw) : "ran to completion"));
    }
  }
  if (!threw) return failed("expected " + wanted + "; it ran to completion");
  if (thrown_type(*threw) != negative.type) {
    return failed("expected " + wanted + "; it threw " + thrown_text(*threw));
  }
  return passed();
}

// The line the async protocol printed last: completion or failure, or nothing.
std::string async_signal(const std::string& printed) {
  std::istringstream lines(printed);
  std::string line, signal;
  while (std::getline(lines, line)) {
    if (line.rfind(kAsyncFailure, 0) == 0 || line == kAsyncComplete) {
      if (signal.rfind(kAsyncFailure, 0) != 0) signal = line;  // a failure is never undone
    }
  }
  return signal;
}

}  // namespace

Verdict test262_verdict(const Test262Run& run, const Observation& observed) {
  if (observed.harness_error) return failed("the harness did not load: " + *observed.harness_error);
  const Threw* threw = std::get_if<Threw>(&observed.ending);
  if (run.negative) return negative_verdict(*run.negative, threw);
  if (threw) {
    switch (threw->phase) {
      case Test262Phase::kParse:
        return failed("it did not parse: " + thrown_text(*threw));
      case Test262Phase::kResolution:
        return failed("it did not link: " + thrown_text(*threw));
      case Test262Phase::kRuntime:
        return failed("it threw " + thrown_text(*threw));
    }
  }
  if (observed.uncaught) return failed(*observed.uncaught);
  if (!run.flags.async) return passed();
  std::string signal = async_signal(observed.printed);
  if (signal.empty()) {
    return failed("the async test never signalled completion ($DONE was not called)");
  }
  if (signal.rfind(kAsyncFailure, 0) == 0) {
    return failed("the async test failed: " + signal.substr(kAsyncFailure.size()));
  }
  return passed();
}

}  // namespace settle
