// Fuzzes the expectations file reader (runner/gate/expectations.h, --expectations). It may throw
// only InputError, whose file:line:column points into the text; what it accepts must survive the
// round trip through the text that --update-expectations writes.

#include <cstring>

#include "fuzz_support.h"
#include "runner/gate/expectations.h"

namespace {

// The line and column of an InputError: `fuzz.json:LINE:COLUMN: ...`.
bool position_of(const char* what, std::size_t* line, std::size_t* column) {
  return std::sscanf(what, "fuzz.json:%zu:%zu: ", line, column) == 2;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace settle;
  const std::string text = fuzz::text_of(data, size);
  Expectations expectations;
  try {
    expectations = parse_expectations(text, "fuzz.json");
  } catch (const InputError& error) {
    std::size_t line = 0, column = 0;
    fuzz::require(position_of(error.what(), &line, &column), "an error names file:line:column");
    fuzz::require(fuzz::position_in_text(text, line, column), "an error's position is in the text");
    return 0;
  }
  Expectations again;
  try {
    again = parse_expectations(expectations_text(expectations), "rewritten.json");
  } catch (const InputError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    fuzz::require(false, "the text --update-expectations writes reads back");
  }
  for (const auto& [engine, entries] : expectations.engines) {
    for (const auto& [id, known] : entries) {
      const KnownFailure* read = again.find(engine, id);
      fuzz::require(read && read->status == known.status && read->reason == known.reason,
                    "every entry survives the round trip");
    }
  }
  return 0;
}
