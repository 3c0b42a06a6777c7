#include "engines/repro_script.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "runner/match/matcher.h"

namespace settle {
namespace embedded {
extern const char* const kHostJs;
extern const char* const kDuktapePromiseJs;
extern const char* const kReproRunnerJs;
}  // namespace embedded

namespace {

// A JS string literal of any text, ASCII only, so that any shell reads it alike.
std::string literal(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', /*ensure_ascii=*/true,
                                   nlohmann::json::error_handler_t::replace);
}

std::string literals(const std::vector<std::string>& texts) {
  std::string list = "[";
  for (const std::string& text : texts) list += (list.size() > 1 ? ",\n    " : "") + literal(text);
  return list + "]";
}

std::string shell_words(const std::vector<std::string>& words) {
  std::string line;
  for (const std::string& word : words) {
    bool plain = word.find_first_not_of(
                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     "0123456789-_=./,+:@") == std::string::npos;
    line += (line.empty() ? "" : " ") + (plain ? word : "'" + word + "'");
  }
  return line;
}

// The profile's command with the script in the place of its driver or standard input.
std::vector<std::string> shell_command(const EngineProfile& profile, const std::string& file) {
  if (profile.adapter == AdapterKind::kDuktape) return {"duk", file};
  if (profile.driver == "quickjs" || profile.driver == "engine262") {
    throw ProfileError(profile.name +
                       " runs inside node (as WebAssembly or JavaScript), through settle's "
                       "driver: it has no shell of its own to run a repro in");
  }
  // The script takes the driver's place; a shell fed its driver on standard input reads the
  // script's file instead.
  std::vector<std::string> command = profile_command(profile, file);
  // A scratch folder is the driver's, which a repro does not run; so is the `--` before it.
  command.erase(std::remove(command.begin(), command.end(), "{scratch}"), command.end());
  if (!command.empty() && command.back() == "--") command.pop_back();
  bool placed = std::find(command.begin(), command.end(), file) != command.end();
  for (std::string& argument : command) {
    if (!placed && (argument == "-" || argument == "--run-stdin")) {
      argument = file;
      placed = true;
    }
  }
  if (!placed) command.push_back(file);
  return command;
}

}  // namespace

ReproScript make_repro_script(const EngineProfile& profile, const std::vector<Prelude>& preludes,
                              const Case& test, const std::string& file,
                              const std::vector<std::string>& notes) {
  if (test.test262 && test.test262->flags.module) {
    throw ProfileError(test.id + " is module code, which only a driver's module map can load");
  }
  ReproScript script;
  script.command = shell_command(profile, file);
  bool settles_promise =
      profile.adapter == AdapterKind::kDuktape ? profile.own_promise : profile.driver == "duk";
  std::vector<std::string> prelude_code;
  for (const Prelude& prelude : preludes) prelude_code.push_back(prelude.code);
  std::vector<std::string> harness_code;
  if (test.test262) {
    for (const auto& harness : test.test262->harness) harness_code.push_back(harness->code);
  }

  std::string& out = script.text;
  out += "// settle repro: " + test.id + " on " + profile.name + "\n";
  out += "// Run it with: " + shell_words(script.command) + "\n";
  out += "// It prints one line: the observation, in settle's report notation.\n";
  for (const std::string& note : notes) out += "// " + note + "\n";
  out += "(" + std::string(embedded::kReproRunnerJs) + ")(\n";
  out += "  typeof globalThis !== 'undefined' ? globalThis : Function('return this')(),\n  {\n";
  out += "  host: " + literal(embedded::kHostJs) + ",\n";
  const Prelude own_promise = promise_file_of(profile);
  const std::string promise =
      own_promise.file.empty() ? std::string(embedded::kDuktapePromiseJs) : own_promise.code;
  out += "  installPromise: " + (settles_promise ? literal(promise) : std::string("null")) + ",\n";
  out += "  aliases: " + nlohmann::json(profile.aliases).dump() + ",\n";
  out += "  preludes: " + literals(prelude_code) + ",\n";
  out += "  test262: " + std::string(test.test262 ? "true" : "false") + ",\n";
  out += "  harness: " + literals(harness_code) + ",\n";
  out += "  watched: " + nlohmann::json(same_references(test.expect)).dump() + ",\n";
  out += "  code: " + literal(test.strict ? "'use strict'; " + test.code : test.code) + "\n";
  out += "  });\n";
  return script;
}

}  // namespace settle
