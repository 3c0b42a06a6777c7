// `settle repro ID -e ENGINE [-o FILE]`: one run, as a standalone script for the engine's own
// shell (engines/repro_script.h), for an engine developer to take away.
#include <fnmatch.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "engines/engines_dir.h"
#include "engines/profile.h"
#include "engines/repro_script.h"
#include "reports/result_json.h"
#include "runner/corpus/corpus.h"
#include "runner/input/spelling.h"

namespace settle::cli {
namespace {

struct ReproOptions {
  std::string id;
  std::vector<std::string> paths;
  std::string engine;
  std::string output;
  std::vector<std::string> preludes;
  std::optional<std::string> case_root;
  std::optional<std::string> test262_root;
  std::string engines_dir;
};

// Whether `id` names the case: its full id, a test262 test's file (each of its scenarios), or a
// glob on full ids.
bool names_run(const std::string& id, const Case& test) {
  return test.id == id || test.id.rfind(id + "#", 0) == 0 ||
         fnmatch(id.c_str(), test.id.c_str(), 0) == 0;
}

ExitStatus repro(const ReproOptions& options) {
  std::vector<std::string> ids, runs;  // every case's id; the ids of those it names
  std::optional<Case> named;           // the first that it names
  Corpus corpus({options.paths, options.case_root, options.test262_root}, [&](const Case& test) {
    ids.push_back(test.id);
    if (!names_run(options.id, test)) return;
    runs.push_back(test.id);
    if (!named) named = test;
  });
  for (const auto& error : corpus.errors()) std::cerr << error.to_string() << "\n";
  if (runs.empty()) {
    auto suggestion = closest_spelling(options.id, ids);
    throw CliError(ExitStatus::kBadInput,
                   "no case or test262 run has the id \"" + options.id + "\"" +
                       (suggestion ? "; did you mean \"" + *suggestion + "\"?" : ""));
  }
  if (runs.size() > 1) {
    std::string text =
        "\"" + options.id + "\" names " + std::to_string(runs.size()) + " runs; name one of them:";
    for (const std::string& id : runs) text += "\n  " + id;
    throw CliError(ExitStatus::kBadInput, text);
  }
  const Case& test = *named;
  std::vector<Prelude> preludes;
  EngineProfile profile;
  try {
    profile = find_profile(options.engine, resolve_engines_dir(options.engines_dir));
    preludes = profile_preludes(profile);
    for (Prelude& prelude : read_preludes(options.preludes)) preludes.push_back(std::move(prelude));
  } catch (const ProfileError& error) {  // no such engine, a prelude that cannot be read
    throw CliError(ExitStatus::kBadInput, error);
  } catch (const InputError& error) {  // a broken profile file
    throw CliError(ExitStatus::kBadInput, error);
  }
  std::string file = options.output.empty() ? "repro.js" : options.output;
  ReproScript script;
  try {
    script = make_repro_script(
        profile, preludes, test, file,
        {"expected: " + expected_json(test.expect).dump(),
         "case: " + test.file + (test.line ? ":" + std::to_string(test.line) : std::string())});
  } catch (const ProfileError& error) {
    throw CliError(ExitStatus::kBadInput, std::string("cannot write a repro: ") + error.what());
  }
  if (options.output.empty()) {
    std::cout << script.text;
    return ExitStatus::kOk;
  }
  std::ofstream out(options.output, std::ios::trunc);
  out << script.text;
  out.close();
  if (!out) {
    throw CliError(ExitStatus::kReportNotWritten, "cannot write " + options.output);
  }
  std::string wrote = "wrote " + options.output + "; run it with:";
  for (const std::string& word : script.command) wrote += " " + word;
  say(wrote);
  return ExitStatus::kOk;
}

}  // namespace

void add_repro_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<ReproOptions>();
  CLI::App* command = app.add_subcommand(
      "repro",
      "Write one run as a standalone script for the engine's own shell, which prints the "
      "observation settle reports");
  command->add_option("id", options->id, "A case's full id, a test262 test (or run), or a glob")
      ->required();
  command->add_option("paths", options->paths, "Case files or folders (default: cases/)");
  command->add_option("-e,--engine", options->engine, "The engine whose shell runs the script")
      ->required();
  command->add_option("-o,--output", options->output, "Write the script here (default: stdout)");
  command->add_option("--prelude", options->preludes,
                      "A script loaded before the case; repeatable");
  command->add_option("--case-root", options->case_root, "Folder that case ids are relative to");
  command->add_option("--test262-dir", options->test262_root,
                      "Root of a test262 checkout (harness/ and test/)");
  command->add_option("--engines-dir", options->engines_dir, kEnginesDirHelp);
  command->callback([options, exit_status] { *exit_status = repro(*options); });
}

}  // namespace settle::cli
