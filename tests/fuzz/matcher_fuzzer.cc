// Fuzzes the value-pattern matcher (runner/match/matcher.h). The input holds two JSON texts
// separated by a line `---`: a case's `expect` object (value patterns with any `$` tag, and a log),
// and the report an engine's host.js writes ({state, value, log, globals, uncaught, printed}). The
// expectation goes through the case-file loader, so the matcher only sees patterns that
// check_pattern accepted, as in a run; the report through read_host_report, as from any engine.
// Matching must never throw, and a mismatch always says why.

#include <nlohmann/json.hpp>
#include <variant>

#include "engines/host/host_report.h"
#include "fuzz_support.h"
#include "runner/corpus/case_file_loader.h"
#include "runner/match/matcher.h"
#include "runner/model/value_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace settle;
  std::vector<std::string> parts = fuzz::split_parts(fuzz::text_of(data, size), 2);
  LoadedCases loaded = parse_case_file(
      "fuzz.json", "fuzz", R"({"cases": [{"id": "c", "code": "0", "expect": )" + parts[0] + "}]}");
  const auto* cases = std::get_if<std::vector<Case>>(&loaded);
  if (!cases) return 0;

  nlohmann::json report = nlohmann::json::parse(parts[1], nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded()) return 0;
  Observation observed;
  try {
    read_host_report(report, observed);
  } catch (const std::exception&) {
    return 0;  // an unreadable report is the protocol's business (protocol_fuzzer.cc)
  }

  for (const Case& test : *cases) {
    (void)same_references(test.expect);
    Verdict verdict = match(test.expect, observed);
    fuzz::require(verdict.pass || !verdict.message.empty(), "a failed match says why");

    std::string why;
    const nlohmann::json& globals = json_of(observed.globals);
    bool matched =
        value_matches(json_of(test.expect.value), json_of(observed.value()), globals, &why);
    fuzz::require(matched || !why.empty(), "a value mismatch says why");
    if (test.expect.log) {
      for (const nlohmann::json& pattern : json_of(*test.expect.log)) {
        for (const nlohmann::json& logged : json_of(observed.log)) {
          why.clear();
          matched = value_matches(pattern, logged, globals, &why);
          fuzz::require(matched || !why.empty(), "a log mismatch says why");
        }
      }
    }
  }
  return 0;
}
