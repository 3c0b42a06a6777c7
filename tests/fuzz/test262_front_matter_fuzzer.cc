// Fuzzes the test262 front-matter parser (runner/corpus/test262_front_matter.h) with any source
// text. It must return the metadata, or one InputError whose file:line:column points into the text,
// never throw; and it finds a front matter exactly where has_test262_front_matter() says there is
// one.

#include <variant>

#include "fuzz_support.h"
#include "runner/corpus/test262_front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace settle;
  const std::string source = fuzz::text_of(data, size);
  const bool has_front_matter = has_test262_front_matter(source);
  auto parsed = parse_test262_front_matter(source, "fuzz/test.js");
  if (const auto* error = std::get_if<InputError>(&parsed)) {
    fuzz::require(error->file() == "fuzz/test.js", "an InputError names the file");
    fuzz::require(!error->message().empty(), "an InputError says what is wrong");
    fuzz::require(fuzz::position_in_text(source, error->where().line, error->where().column),
                  "an InputError's line:column is in the text");
    fuzz::require(has_front_matter || error->message().rfind("no test262 front matter", 0) == 0,
                  "without a front matter, the error says so");
    return 0;
  }
  fuzz::require(has_front_matter, "metadata come only from a front matter");
  const Test262Metadata& metadata = std::get<Test262Metadata>(parsed);
  fuzz::require(fuzz::position_in_text(source, metadata.front_matter_line, 1),
                "the front matter's line is in the text");
  for (const auto* names : {&metadata.includes, &metadata.features}) {
    for (const std::string& name : *names) fuzz::require(!name.empty(), "no empty name");
  }
  if (metadata.negative) {
    Test262Phase phase = metadata.negative->phase;
    fuzz::require(test262_phase_from_name(test262_phase_name(phase)) == phase,
                  "a negative phase is parse, resolution or runtime");
    fuzz::require(!metadata.negative->type.empty(), "a negative test names its error");
  }
  return 0;
}
