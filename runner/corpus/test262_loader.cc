#include "runner/corpus/test262_loader.h"

#include <algorithm>
#include <set>

#include "runner/corpus/test262_front_matter.h"
#include "runner/corpus/test262_host_needs.h"
#include "runner/model/value_json.h"

namespace settle {
namespace fs = std::filesystem;
namespace {

// The includes every test gets before its own, in this order (INTERPRETING.md, "includes").
const char* const kDefaultIncludes[] = {"assert.js", "sta.js"};
const char* const kAsyncInclude = "doneprintHandle.js";

std::string test_id(const std::string& file, const fs::path& root) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(file), error);
  fs::path relative = absolute.lexically_relative(fs::weakly_canonical(root, error));
  if (relative.empty() || *relative.begin() == "..") return fs::path(file).generic_string();
  return relative.generic_string();
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

LoadedCases load_test262_test(const std::string& file, const std::string& source,
                              Test262Checkout& checkout) {
  auto parsed = parse_test262_front_matter(source, file);
  if (auto* error = std::get_if<InputError>(&parsed)) return *error;
  const Test262Metadata& metadata = std::get<Test262Metadata>(parsed);
  const SourcePosition at{metadata.front_matter_line, 1};

  Test262Run run;
  run.path = test_id(file, checkout.root());
  const Test262Flags flags = metadata.flags;
  run.flags = flags;
  run.negative = metadata.negative;

  std::vector<std::string> includes;
  if (!flags.raw) {
    includes.assign(std::begin(kDefaultIncludes), std::end(kDefaultIncludes));
    if (flags.async) includes.push_back(kAsyncInclude);
  }
  for (const std::string& name : metadata.includes) {
    if (std::find(includes.begin(), includes.end(), name) == includes.end()) {
      includes.push_back(name);
    }
  }
  std::set<std::string> needs;
  add_host_needs(source, needs);
  for (std::size_t i = 0; i < includes.size(); ++i) {
    const HarnessLookup& harness = checkout.harness_file(includes[i]);
    if (!harness.file) {
      auto listed = std::find(metadata.includes.begin(), metadata.includes.end(), includes[i]);
      std::string field;
      SourcePosition where = at;
      if (listed != metadata.includes.end()) {
        auto index = static_cast<std::size_t>(listed - metadata.includes.begin());
        field = "includes[" + std::to_string(index) + "]";
        where = metadata.include_positions[index];
      }
      return InputError{file, where, field, harness.problem};
    }
    const std::set<std::string>& harness_needs = checkout.harness_needs(includes[i]);
    needs.insert(harness_needs.begin(), harness_needs.end());
    run.harness.push_back(harness.file);
  }
  run.host_needs.assign(needs.begin(), needs.end());
  // Module code, and tests of import() (feature dynamic-import), load files of the test's folder.
  bool dynamic_import = std::find(metadata.features.begin(), metadata.features.end(),
                                  "dynamic-import") != metadata.features.end();
  if (flags.module || dynamic_import) {
    const ModuleFolderLookup& folder =
        checkout.module_folder(fs::path(run.path).parent_path().generic_string());
    if (!folder.folder) return InputError{file, kNoPosition, "", folder.problem};
    run.folder = folder.folder;
  }

  std::vector<std::string> modes;
  if (flags.module) {
    modes = {"default"};  // module code is strict already
  } else {
    if (!flags.only_strict) modes.push_back("default");
    if (!flags.no_strict && !flags.raw) modes.push_back("strict");
  }

  Case base;
  base.file = file;
  base.line = 1;
  base.suite = "test262";
  base.spec = metadata.esid;
  base.description = trimmed(metadata.description);
  base.features = metadata.features;
  if (run.negative) {
    base.expect.outcome = Outcome::kThrows;
    base.expect.value = value_of({{"$error", run.negative->type}});
  } else {
    base.expect.outcome = Outcome::kReturns;
    base.expect.value = value_of({{"$any", true}});
  }
  base.test262 = std::move(run);

  std::string id = base.test262->path;
  std::vector<Case> cases;
  for (const std::string& mode : modes) {
    Case test = base;
    test.local_id = mode;
    test.id = id + "#" + mode;
    test.strict = mode == "strict";
    // INTERPRETING.md: the strict run is the test's source with this directive put before it.
    test.code = test.strict ? "\"use strict\";\n" + source : source;
    cases.push_back(std::move(test));
  }
  return cases;
}

}  // namespace settle
