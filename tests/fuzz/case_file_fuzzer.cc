// Fuzzes the case-file loader and validator (runner/corpus/case_file_loader.h) with any text. It
// must return cases, or one InputError whose file:line:column points into the text, and never
// throw. Every pattern it accepts must be one the matcher can compare with an observed value.

#include <variant>

#include "fuzz_support.h"
#include "runner/corpus/case_file_loader.h"
#include "runner/match/matcher.h"
#include "runner/model/value_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace settle;
  const std::string text = fuzz::text_of(data, size);
  LoadedCases loaded = parse_case_file("fuzz/input.json", "fuzz/input", text);
  if (const auto* error = std::get_if<InputError>(&loaded)) {
    fuzz::require(error->file() == "fuzz/input.json", "an InputError names the file");
    fuzz::require(!error->message().empty(), "an InputError says what is wrong");
    fuzz::require(fuzz::position_in_text(text, error->where().line, error->where().column),
                  "an InputError's line:column is in the text");
    (void)error->to_string();
    return 0;
  }
  for (const Case& test : std::get<std::vector<Case>>(loaded)) {
    fuzz::require(test.id == "fuzz/input/" + test.local_id, "a case's id is prefix/local id");
    fuzz::require(test.file == "fuzz/input.json", "a case names its file");
    (void)same_references(test.expect);
    Observation observed;  // an engine that saw the expected outcome with an undefined value
    const Value undefined = value_of({{"$", "undefined"}});
    if (test.expect.outcome == Outcome::kThrows) {
      observed.ending = Threw{Test262Phase::kRuntime, undefined, std::nullopt};
    } else {
      observed.ending = Settled{test.expect.outcome, undefined};
    }
    Verdict verdict = match(test.expect, observed);
    fuzz::require(verdict.pass || !verdict.message.empty(), "a failed match says why");
  }
  return 0;
}
