#include <iostream>
#include <memory>

#include "cli/cli_error.h"
#include "cli/commands.h"
#include "cli/shard_option.h"
#include "runner/corpus/corpus.h"
#include "runner/run/case_selection.h"
#include "runner/run/shard.h"

namespace settle::cli {
namespace {

struct ListOptions {
  std::vector<std::string> paths;
  std::vector<std::string> filters;
  std::optional<std::string> case_root;
  std::optional<std::string> test262_root;
  std::optional<Shard> shard;
};

void print_case(const Case& test) {
  std::cout << test.id;
  if (!test.features.empty()) {
    std::cout << "  [";
    for (std::size_t i = 0; i < test.features.size(); ++i) {
      std::cout << (i ? ", " : "") << test.features[i];
    }
    std::cout << "]";
  }
  if (test.skip) std::cout << "  (skip: " << *test.skip << ")";
  std::cout << "\n";
}

ExitStatus list(const ListOptions& options) {
  Corpus corpus({options.paths, options.case_root, options.test262_root});
  for (const auto& error : corpus.errors()) std::cerr << error.to_string() << "\n";
  const CaseFilter filter(options.filters, options.shard);
  CaseSelection selection(filter);
  try {
    for (std::size_t group = 0; group < corpus.groups(); ++group) {
      for (const Case& test : corpus.load_group(group)) {
        if (selection.take(test.id)) print_case(test);
      }
    }
  } catch (const std::runtime_error& error) {  // the cases' copy cannot be read back
    throw CliError(ExitStatus::kRunnerFailed, error);
  }
  return corpus.errors().empty() ? ExitStatus::kOk : ExitStatus::kBadInput;
}

}  // namespace

void add_list_command(CLI::App& app, ExitStatus* exit_status) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* command =
      app.add_subcommand("list", "List the cases that would run, with their features");
  command->add_option("paths", options->paths, "Case files or folders (default: cases/)");
  command->add_option("--filter", options->filters, "Glob on full case ids; repeatable");
  command->add_option("--case-root", options->case_root, "Folder that case ids are relative to");
  command->add_option("--test262-dir", options->test262_root,
                      "Root of a test262 checkout (harness/ and test/)");
  add_shard_option(*command, &options->shard, "Only the I-th of N slices, as run --shard takes");
  command->callback([options, exit_status] { *exit_status = list(*options); });
}

}  // namespace settle::cli
