#pragma once

#include <string>

#include "runner/corpus/case_file_loader.h"
#include "runner/corpus/test262_checkout.h"

namespace settle {

// Loads one test262 test from its source text: one case per run it gets (INTERPRETING.md):
// `<path from the checkout's root>#default` and `#strict`, or only one of them for the
// onlyStrict, noStrict, raw and module flags.
LoadedCases load_test262_test(const std::string& file, const std::string& source,
                              Test262Checkout& checkout);

}  // namespace settle
