#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "runner/run/shard.h"

namespace settle::cli {

// Adds --shard I/N to `command`, parsed once into `*shard` (empty without --shard); `settle run`
// and `settle list` refuse a bad one with the same message.
void add_shard_option(CLI::App& command, std::optional<Shard>* shard, const std::string& help);

}  // namespace settle::cli
