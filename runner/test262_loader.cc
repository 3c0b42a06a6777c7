#include "runner/test262_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <regex>
#include <set>

#include "runner/test262_front_matter.h"
#include "runner/text_file.h"

namespace settle {
namespace fs = std::filesystem;
namespace {

// The includes every test gets before its own, in this order (INTERPRETING.md, "includes").
const char* const kDefaultIncludes[] = {"assert.js", "sta.js"};
const char* const kAsyncInclude = "doneprintHandle.js";
// Module files are read whole and sent to every engine process that runs a test of their folder.
constexpr std::uintmax_t kMaxModuleFileBytes = 1u << 20;

std::string test_id(const std::string& file, const fs::path& root) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(file), error);
  fs::path relative = absolute.lexically_relative(fs::weakly_canonical(root, error));
  if (relative.empty() || *relative.begin() == "..") return fs::path(file).generic_string();
  return relative.generic_string();
}

// The $262 parts (createRealm, evalScript, agent, ...) that a text uses.
void add_host_needs(const std::string& text, std::set<std::string>& needs) {
  if (text.find("$262") == std::string::npos) return;  // most texts: no need for the slow regex
  static const std::regex kUse(R"(\$262\s*\.\s*([A-Za-z_$][\w$]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), kUse), end; it != end; ++it) {
    needs.insert((*it)[1].str());
  }
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

Test262Checkout::Test262Checkout(fs::path root) : root_(std::move(root)) {}

std::shared_ptr<const HarnessFile> Test262Checkout::harness_file(const std::string& name) {
  auto found = harness_.find(name);
  if (found != harness_.end()) return found->second;
  std::shared_ptr<const HarnessFile> file;
  if (name.find("..") == std::string::npos) {
    std::string why;
    if (std::optional<std::string> code =
            read_text_file((root_ / "harness" / name).string(), &why)) {
      file = std::make_shared<HarnessFile>(HarnessFile{name, std::move(*code)});
    } else if (why != std::strerror(ENOENT)) {
      harness_errors_[name] = why;
    }
  }
  harness_.emplace(name, file);
  return file;
}

const std::set<std::string>& Test262Checkout::harness_needs(const std::string& name) {
  auto found = harness_needs_.find(name);
  if (found != harness_needs_.end()) return found->second;
  std::set<std::string>& needs = harness_needs_[name];
  if (auto file = harness_file(name)) add_host_needs(file->code, needs);
  return needs;
}

std::shared_ptr<const ModuleFolder> Test262Checkout::module_folder(const std::string& folder) {
  auto found = folders_.find(folder);
  if (found != folders_.end()) return found->second;
  auto files = std::make_shared<ModuleFolder>();
  files->path = folder;
  std::vector<fs::path> paths;
  std::error_code error;
  for (fs::directory_iterator it(root_ / folder, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error) && it->file_size(error) <= kMaxModuleFileBytes) {
      paths.push_back(it->path());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    if (std::optional<std::string> code = read_text_file(path.string())) {
      files->files.push_back({folder + "/" + path.filename().string(), std::move(*code)});
    }
  }
  folders_.emplace(folder, files);
  return files;
}

bool is_test262_root(const fs::path& folder) {
  std::error_code error;
  return fs::is_regular_file(folder / "harness" / "assert.js", error) &&
         fs::is_directory(folder / "test", error);
}

std::optional<fs::path> find_test262_root(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path), error);
  if (error) absolute = fs::absolute(path).lexically_normal();
  for (fs::path folder = absolute; folder.has_relative_path(); folder = folder.parent_path()) {
    if (is_test262_root(folder)) return folder;
  }
  return std::nullopt;
}

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
    auto harness = checkout.harness_file(includes[i]);
    if (!harness) {
      auto listed = std::find(metadata.includes.begin(), metadata.includes.end(), includes[i]);
      std::string field;
      SourcePosition where = at;
      if (listed != metadata.includes.end()) {
        auto index = static_cast<std::size_t>(listed - metadata.includes.begin());
        field = "includes[" + std::to_string(index) + "]";
        where = metadata.include_positions[index];
      }
      std::string unreadable = checkout.harness_error(includes[i]);
      return InputError{file, where, field,
                        "harness file " + includes[i] +
                            (unreadable.empty() ? " not found in " : " cannot be read from ") +
                            (checkout.root() / "harness").string() +
                            (unreadable.empty() ? "" : ": " + unreadable)};
    }
    const std::set<std::string>& harness_needs = checkout.harness_needs(includes[i]);
    needs.insert(harness_needs.begin(), harness_needs.end());
    run.harness.push_back(std::move(harness));
  }
  run.host_needs.assign(needs.begin(), needs.end());
  // Module code, and tests of import() (feature dynamic-import), load files of the test's folder.
  bool dynamic_import = std::find(metadata.features.begin(), metadata.features.end(),
                                  "dynamic-import") != metadata.features.end();
  if (flags.module || dynamic_import) {
    run.folder = checkout.module_folder(fs::path(run.path).parent_path().generic_string());
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
    base.expect.value = {{"$error", run.negative->type}};
  } else {
    base.expect.outcome = Outcome::kReturns;
    base.expect.value = {{"$any", true}};
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
