#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace settle::cli {

// --store FILE on run, versions, bisect, history and diff.
void add_store_option(CLI::App& command, std::string& path);

// The store a command uses: --store, else SETTLE_STORE, else none ("").
std::string store_path_of(const std::string& option);

}  // namespace settle::cli
