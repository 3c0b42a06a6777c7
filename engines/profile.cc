#include "engines/profile.h"
#include "runner/input/text_file.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>

#include "engines/embedded_files.h"
#include "engines/engine_versions.h"
#include "engines/engines_dir.h"
#include "engines/lowering/lowerer.h"
#include "engines/process/driver_source.h"
#include "runner/input/json_fields.h"
#include "runner/input/json_input.h"
#include "runner/input/spelling.h"

namespace settle {
namespace {

using nlohmann::json;

bool on_path(const std::string& command) {
  if (command.find('/') != std::string::npos) return access(command.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    if (!folder.empty() && access((folder + "/" + command).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// "bluebird 3.7.2" for a file inside node_modules/bluebird/, read from the package's
// package.json; "es6-shim (Debian)" for one in /usr/share/javascript/es6-shim/; empty for any
// other file.
std::string npm_package_version(const std::string& file) {
  static const std::string kFolder = "node_modules/";
  static const std::string kDebianFolder = "/usr/share/javascript/";
  if (file.rfind(kDebianFolder, 0) == 0) {
    std::string rest = file.substr(kDebianFolder.size());
    return rest.substr(0, rest.find('/')) + " (Debian)";
  }
  auto at = file.rfind(kFolder);
  if (at == std::string::npos) return "";
  std::string rest = file.substr(at + kFolder.size());
  std::size_t parts = rest.rfind('@', 0) == 0 ? 2 : 1;  // @scope/name
  std::size_t end = 0;
  for (std::size_t i = 0; i < parts && end != std::string::npos; ++i)
    end = rest.find('/', end ? end + 1 : 0);
  if (end == std::string::npos) return "";
  std::string name = rest.substr(0, end);
  std::ifstream in(file.substr(0, at + kFolder.size()) + name + "/package.json");
  if (!in) return name;
  try {
    return name + " " + nlohmann::json::parse(in).value("version", std::string("?"));
  } catch (const nlohmann::json::exception&) {
    return name;
  }
}

}  // namespace

std::string libraries_label(const std::vector<Prelude>& preludes) {
  std::string label;
  for (const Prelude& prelude : preludes) {
    std::string library = npm_package_version(prelude.file);
    if (!library.empty()) label += " + " + library;
  }
  return label;
}

namespace {

ResourceLimits limits_field(const json& profile) {
  ResourceLimits limits;
  const json* value = optional_field(profile, "limits");
  if (!value) return limits;
  if (!value->is_object()) invalid("limits", "must be an object of sizes in MiB");
  check_known_fields(*value, "limits", {"address_space_mb", "data_mb"});
  for (auto [key, size] : {std::pair{"address_space_mb", &limits.address_space_mb},
                           std::pair{"data_mb", &limits.data_mb}}) {
    const json* megabytes = optional_field(*value, key);
    if (!megabytes) continue;
    if (!megabytes->is_number_unsigned()) {
      invalid(JsonSource::member_path("limits", key), "must be a whole number of MiB");
    }
    *size = megabytes->get<std::size_t>();
  }
  return limits;
}

EngineProfile profile_from(const json& document) {
  static const std::set<std::string> kFields = {"name",
                                                "description",
                                                "adapter",
                                                "driver",
                                                "batch",
                                                "command",
                                                "version",
                                                "preludes",
                                                "aliases",
                                                "own_promise",
                                                "silent_console",
                                                "probes",
                                                "lacks",
                                                "limits",
                                                "install",
                                                "promise_global",
                                                "npm",
                                                "debian",
                                                "no_modules",
                                                "lower",
                                                "promise",
                                                "rejection_hook",
                                                "//"};
  if (!document.is_object()) invalid("", "a profile is one JSON object");
  check_known_fields(document, "", kFields);
  EngineProfile profile;
  const json& name = required_field(document, "", "name");
  if (!name.is_string()) invalid("name", "must be a string");
  profile.name = name.get<std::string>();
  profile.description = string_field(document, "", "description");
  auto adapter = adapter_from_name(string_field(document, "", "adapter"));
  if (!adapter) invalid("adapter", "must be " + quoted_alternatives(adapter_names()));
  profile.adapter = *adapter;
  profile.driver = string_field(document, "", "driver");
  std::string batch =
      optional_field(document, "batch") ? string_field(document, "", "batch") : "realm";
  if (batch != "realm" && batch != "process") {
    invalid("batch",
            "must be \"realm\" (many cases per process, a fresh realm each) or \"process\" (a "
            "process per case)");
  }
  profile.process_per_case = batch == "process";
  profile.command = string_list_field(document, "", "command");
  profile.version = string_list_field(document, "", "version");
  profile.preludes = string_list_field(document, "", "preludes");
  profile.aliases = string_list_field(document, "", "aliases");
  profile.lacks = string_list_field(document, "", "lacks");
  profile.own_promise = bool_field(document, "", "own_promise").value_or(true);
  profile.silent_console = bool_field(document, "", "silent_console").value_or(false);
  profile.promise_global = string_field(document, "", "promise_global");
  profile.promise = string_field(document, "", "promise");
  profile.rejection_hook = string_field(document, "", "rejection_hook");
  if (!profile.promise.empty() &&
      (profile.adapter != AdapterKind::kDuktape || !profile.own_promise)) {
    invalid("promise",
            "names the Promise that the duktape adapter installs: it needs \"adapter\": "
            "\"duktape\" and own_promise true");
  }
  if (const json* probes = optional_field(document, "probes")) {
    if (!probes->is_object()) invalid("probes", "must map feature names to expressions");
    for (const auto& [feature, code] : probes->items()) {
      profile.probes[feature] = string_field(*probes, "probes", feature);
    }
  }
  profile.limits = limits_field(document);
  profile.install = string_field(document, "", "install");
  profile.npm = string_list_field(document, "", "npm");
  profile.debian = string_list_field(document, "", "debian");
  profile.no_modules = string_field(document, "", "no_modules");
  profile.lower = string_field(document, "", "lower");
  if (!profile.lower.empty() && !lower_level_from_name(profile.lower)) {
    invalid("lower",
            "must be \"es5\" (test262 code lowered with Babel before it runs) or \"none\"");
  }
  if (profile.adapter == AdapterKind::kProcess) {
    if (profile.command.empty()) invalid("command", "required for the process adapter");
    if (!profile.driver.empty() && !has_builtin_driver(profile.driver)) {
      invalid("driver", "no built-in driver \"" + profile.driver +
                            "\" (leave it out when the command is a driver of its own that speaks "
                            "settle's protocol)");
    }
  }
  return profile;
}

}  // namespace

EngineProfile parse_profile(const std::string& text, const std::string& source) {
  JsonSource document = parse_json_input(text, source);
  EngineProfile profile = read_json_input(document, source, profile_from);
  profile.source = source;
  return profile;
}

const std::map<std::string, EngineProfile>& builtin_profiles() {
  static const auto profiles = [] {
    std::map<std::string, EngineProfile> map;
    for (const auto& file : embedded::kBuiltinProfiles) {
      EngineProfile profile =
          parse_profile(file.text, std::string("engines/profiles/") + file.name);
      profile.source = "built-in";
      map.emplace(profile.name, std::move(profile));
    }
    return map;
  }();
  return profiles;
}

EngineProfile find_profile(const std::string& name_or_file, const EnginesDir& engines) {
  auto builtin = builtin_profiles().find(name_or_file);
  if (builtin != builtin_profiles().end()) {
    EngineProfile profile = builtin->second;
    profile.node_modules = engines.node_modules.string();
    return profile;
  }
  std::error_code error;
  bool looks_like_file =
      name_or_file.size() > 5 && name_or_file.compare(name_or_file.size() - 5, 5, ".json") == 0;
  if (looks_like_file || std::filesystem::is_regular_file(name_or_file, error)) {
    std::string why;
    std::optional<std::string> text = read_text_file(name_or_file, &why);
    if (!text) {
      throw InputError(name_or_file, kNoPosition, "", "cannot read the engine profile: " + why);
    }
    EngineProfile profile = parse_profile(*text, name_or_file);
    profile.node_modules = engines.node_modules.string();
    return profile;
  }
  if (auto versioned = split_versioned_name(name_or_file)) {
    return find_versioned_profile(*versioned, engines);
  }
  std::vector<std::string> names;
  for (const auto& [name, profile] : builtin_profiles()) names.push_back(name);
  if (auto suggestion = closest_spelling(name_or_file, names)) {
    throw ProfileError("unknown engine \"" + name_or_file + "\"; did you mean \"" + *suggestion +
                       "\"? (settle engines lists every engine)");
  }
  std::string known;
  for (const auto& name : names) known += (known.empty() ? "" : ", ") + name;
  throw ProfileError("unknown engine \"" + name_or_file + "\" (built-in engines: " + known +
                     "; or give a profile file)");
}

std::string expand_placeholders(const EngineProfile& profile, const std::string& text) {
  if (text.find("{npm}") == std::string::npos) return text;
  // A profile that did not come through find_profile would send {npm} to the root folder.
  if (profile.node_modules.empty()) {
    throw std::logic_error("the profile " + profile.name + " was not placed by find_profile");
  }
  const std::string& npm = profile.node_modules;
  std::string out = text;
  for (auto at = out.find("{npm}"); at != std::string::npos;
       at = out.find("{npm}", at + npm.size())) {
    out.replace(at, 5, npm);
  }
  return out;
}

std::vector<std::string> profile_command(const EngineProfile& profile,
                                         const std::string& driver_file) {
  std::vector<std::string> command;
  for (const auto& argument : profile.command) {
    std::string expanded = expand_placeholders(profile, argument);
    auto at = expanded.find("{driver}");
    if (at != std::string::npos) expanded.replace(at, 8, driver_file);
    command.push_back(expanded);
  }
  return command;
}

std::vector<Prelude> read_preludes(const std::vector<std::string>& files) {
  std::vector<Prelude> preludes;
  for (const auto& file : files) {
    std::string why;
    std::optional<std::string> code = read_text_file(file, &why);
    if (!code) throw ProfileError("cannot read the prelude " + file + ": " + why);
    preludes.push_back({file, *code});
  }
  return preludes;
}

Prelude promise_file_of(const EngineProfile& profile) {
  if (profile.promise.empty()) return {};
  return read_preludes({expand_placeholders(profile, profile.promise)}).front();
}

std::vector<Prelude> profile_preludes(const EngineProfile& profile) {
  std::vector<Prelude> preludes;
  if (profile.silent_console) {
    preludes.push_back(
        {profile.name + " (silent_console)",
         "var console = { log: function () {}, info: function () {}, warn: function () {},"
         " error: function () {}, debug: function () {}, trace: function () {} };"});
  }
  // A polyfill installs itself only where the realm has no Promise, as in an engine without one.
  if (!profile.own_promise && profile.adapter == AdapterKind::kProcess) {
    preludes.push_back({profile.name + " (own_promise: false)", "delete this.Promise;\n"});
  }
  std::vector<std::string> files;
  for (const auto& file : profile.preludes) files.push_back(expand_placeholders(profile, file));
  for (Prelude& prelude : read_preludes(files)) preludes.push_back(std::move(prelude));
  if (!profile.promise_global.empty()) {
    preludes.push_back(
        {profile.name + " (promise_global)", "this.Promise = (" + profile.promise_global + ");\n"});
  }
  // The library's own hook, fed to the host's rule (engines/host/host.js, rejectionEvent).
  if (!profile.rejection_hook.empty()) {
    preludes.push_back({profile.name + " (rejection_hook)",
                        "(function (report) {\n" + profile.rejection_hook +
                            "\n}).call(this, this.__settleRejectionHook());\n"});
  }
  return preludes;
}

std::optional<std::string> unavailable_reason(const EngineProfile& profile) {
  std::string how = profile.install;
  if (how.empty() && (!profile.npm.empty() || !profile.debian.empty()))
    how = "settle engines --install " + profile.name;
  std::string hint = how.empty() ? "" : " (to install: " + how + ")";
  if (profile.adapter == AdapterKind::kProcess) {
    std::string command = expand_placeholders(profile, profile.command[0]);
    if (!on_path(command)) {
      bool path = command.find('/') != std::string::npos;
      return command + (path ? " is missing" : " is not on PATH") + hint;
    }
  }
  std::vector<std::string> files = profile.preludes;
  if (!profile.promise.empty()) files.push_back(profile.promise);
  for (const auto& file : files) {
    std::string path = expand_placeholders(profile, file);
    if (access(path.c_str(), R_OK) != 0) return path + " is missing" + hint;
  }
  for (const auto& package : profile.npm) {
    std::string path = expand_placeholders(profile, "{npm}/" + package);
    if (access(path.c_str(), R_OK) != 0) return "the npm package " + path + " is missing" + hint;
  }
  return std::nullopt;
}

}  // namespace settle
