#include "cli/shard_option.h"

namespace settle::cli {

void add_shard_option(CLI::App& command, std::optional<Shard>* shard, const std::string& help) {
  command
      .add_option_function<std::string>(
          "--shard", [shard](const std::string& text) { *shard = parse_shard(text); }, help)
      ->check(CLI::Validator(
          [](std::string& text) {
            return parse_shard(text) ? std::string()
                                     : "must be I/N with 1 <= I <= N, not \"" + text + "\"";
          },
          "I/N"));
}

}  // namespace settle::cli
